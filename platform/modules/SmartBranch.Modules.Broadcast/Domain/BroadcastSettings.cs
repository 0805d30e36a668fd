using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>A tenant environment's delivery rules. Without a row, deliveries need approval.</summary>
public sealed class BroadcastSettings : ITenantOwned
{
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public bool ApprovalRequired { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
