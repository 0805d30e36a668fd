using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;

namespace SmartBranch.Modules.Broadcast.Features.Settings;

/// <summary>Whether the tenant environment's deliveries need a second person's approval (they do unless an admin says otherwise).</summary>
public sealed class BroadcastSettingsService
{
    private readonly BroadcastStaff _staff;
    private readonly TimeProvider _clock;

    internal BroadcastSettingsService(BroadcastStaff staff, TimeProvider clock)
    {
        _staff = staff;
        _clock = clock;
    }

    public async Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken) =>
        (await _staff.Db.Set<BroadcastSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ApprovalRequired ?? true;

    public async Task SetApprovalRequiredAsync(bool required, CancellationToken cancellationToken)
    {
        var staffId = _staff.Require(KernelPermissions.TenantSettings);
        var settings = await _staff.Db.Set<BroadcastSettings>().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new BroadcastSettings();
            _staff.Db.Add(settings);
        }

        settings.ApprovalRequired = required;
        settings.UpdatedAt = _clock.GetUtcNow();
        settings.UpdatedBy = staffId;
        await _staff.SaveAndAuditAsync(
            new AuditRecord("broadcast.settings.changed", "broadcast-settings", null, required ? "配信の承認を必須に設定" : "配信の承認を不要に設定"),
            cancellationToken);
    }
}
