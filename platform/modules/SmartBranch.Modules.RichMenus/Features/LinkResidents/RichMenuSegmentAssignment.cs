using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>A published segment menu linked to the residents of a segment.</summary>
public sealed class RichMenuSegmentAssignment : ITenantOwned
{
    private RichMenuSegmentAssignment()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid MenuId { get; private init; }

    /// <summary>A <see cref="Residents.Contracts.SegmentExpression"/> as JSON.</summary>
    public string SegmentJson { get; private init; } = "";
    public DateTimeOffset AssignedAt { get; private init; }
    public string AssignedBy { get; private init; } = "";

    internal static RichMenuSegmentAssignment Create(Guid menuId, string segmentJson, string staffId, DateTimeOffset now) =>
        new() { MenuId = menuId, SegmentJson = segmentJson, AssignedBy = staffId, AssignedAt = now };
}
