using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>
/// A menu staff linked to one resident. It takes precedence over the resident's segment menus, and is linked again
/// when disaster mode ends.
/// </summary>
public sealed class RichMenuResidentLink : ITenantOwned
{
    private RichMenuResidentLink()
    {
    }

    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string LineUserId { get; private init; } = "";
    public Guid ResidentId { get; private init; }
    public Guid MenuId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }
    public string LinkedBy { get; private set; } = "";

    internal static RichMenuResidentLink Create(Guid residentId, string lineUserId) =>
        new() { ResidentId = residentId, LineUserId = lineUserId };

    internal void Link(Guid menuId, string staffId, DateTimeOffset now)
    {
        MenuId = menuId;
        LinkedBy = staffId;
        LinkedAt = now;
    }
}
