using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.DisasterMode;

/// <summary>Whether disaster mode (防災モード) is on in the tenant environment, and who switched it last.</summary>
public sealed class DisasterModeState : ITenantOwned
{
    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public bool IsOn { get; private set; }
    public DateTimeOffset? SwitchedAt { get; private set; }

    /// <summary>A staff member's id, or <c>api:</c> and the client id of the city's disaster system.</summary>
    public string? SwitchedBy { get; private set; }

    /// <summary>The emergency delivery draft prepared when it was last switched on.</summary>
    public Guid? DraftDeliveryId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    internal void SwitchOn(string by, Guid draftDeliveryId, DateTimeOffset now)
    {
        IsOn = true;
        DraftDeliveryId = draftDeliveryId;
        Switched(by, now);
    }

    internal void SwitchOff(string by, DateTimeOffset now)
    {
        IsOn = false;
        Switched(by, now);
    }

    private void Switched(string by, DateTimeOffset now)
    {
        SwitchedBy = by;
        SwitchedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
