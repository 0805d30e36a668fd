using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Maintenance;

internal sealed class MaintenanceConsole(
    SmartBranchDbContext db, ICurrentStaff staff, AuditLog auditLog, IOutbox outbox, ITenantCatalog catalog, TimeProvider clock) : IMaintenanceConsole
{
    private const int PastListed = 50;

    public async Task<MaintenanceWindowList> ListAsync(CancellationToken cancellationToken)
    {
        RequireOperator();
        var now = clock.GetUtcNow();
        var windows = db.Set<MaintenanceWindow>().AsNoTracking();
        var live = await windows.Where(w => w.CancelledAt == null && w.EndsAt > now).ToListAsync(cancellationToken);
        var past = await windows.Where(w => w.CancelledAt != null || w.EndsAt <= now)
            .OrderByDescending(w => w.EndsAt).Take(PastListed).ToListAsync(cancellationToken);
        return new MaintenanceWindowList(
            [.. live.Where(w => w.StartsAt <= now).OrderBy(w => w.EndsAt)],
            [.. live.Where(w => w.StartsAt > now).OrderBy(w => w.StartsAt)],
            past);
    }

    public Task<MaintenanceWindow?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireOperator();
        return db.Set<MaintenanceWindow>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
    }

    public async Task<Guid> ScheduleAsync(MaintenanceWindowRequest request, CancellationToken cancellationToken)
    {
        RequireOperator();
        var now = clock.GetUtcNow();
        await CheckAsync(request, now, previous: null, cancellationToken);
        var window = new MaintenanceWindow
        {
            Id = Guid.CreateVersion7(),
            TenantSlug = request.TenantSlug,
            EnvironmentName = request.EnvironmentName,
            Reason = "",
            AlternativeCounter = "",
            AlternativePhone = "",
            AnnouncedToResidents = request.AnnounceToResidents,
            ScheduledByUserId = staff.UserId!,
            ScheduledByName = staff.DisplayName ?? staff.UserId!,
            ScheduledAt = now,
        };
        Apply(window, request);
        db.Add(window);
        if (request.AnnounceToResidents)
        {
            RequestAnnouncements(window);
        }

        await db.SaveChangesAsync(cancellationToken);
        var announced = request.AnnounceToResidents ? "、住民向けお知らせの下書きを依頼" : "";
        await AuditAsync(window, "maintenance.scheduled", $"メンテナンスを予定しました{(window.IsEmergency ? "（緊急）" : "")}{announced}", cancellationToken);
        return window.Id;
    }

    public async Task UpdateAsync(Guid id, MaintenanceWindowRequest request, CancellationToken cancellationToken)
    {
        var window = await LoadChangeableAsync(id, cancellationToken);
        var scoped = request with { TenantSlug = window.TenantSlug, EnvironmentName = window.EnvironmentName, AnnounceToResidents = false };
        await CheckAsync(scoped, clock.GetUtcNow(), window, cancellationToken);
        Apply(window, scoped);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(window, "maintenance.updated", "メンテナンスの予定を変更しました", cancellationToken);
    }

    public async Task CancelAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        var text = reason.Trim();
        if (text.Length == 0 || text.Length > MaintenanceRules.MaxReasonLength)
        {
            throw new MaintenanceRuleException($"中止の理由を {MaintenanceRules.MaxReasonLength} 文字以内で入力してください。");
        }

        var window = await LoadChangeableAsync(id, cancellationToken);
        window.CancelledAt = clock.GetUtcNow();
        window.CancelledByName = staff.DisplayName ?? staff.UserId;
        window.CancellationReason = text;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(window, "maintenance.cancelled", "メンテナンスを中止しました", cancellationToken);
    }

    private async Task CheckAsync(MaintenanceWindowRequest request, DateTimeOffset now, MaintenanceWindow? previous, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (request.TenantSlug is { } slug)
        {
            var tenant = catalog.Find(slug);
            if (tenant is null)
            {
                problems.Add("自治体が見つかりません。");
            }
            else if (request.EnvironmentName is { } environment && tenant.FindEnvironment(environment) is null)
            {
                problems.Add("この自治体にその環境はありません。");
            }
        }

        var others = await db.Set<MaintenanceWindow>().AsNoTracking()
            .Where(w => w.CancelledAt == null && w.EndsAt > now).ToListAsync(cancellationToken);
        problems.AddRange(MaintenanceRules.Check(request, now, previous, others));
        if (problems.Count > 0)
        {
            throw new MaintenanceRuleException(problems);
        }
    }

    private static void Apply(MaintenanceWindow window, MaintenanceWindowRequest request)
    {
        window.StartsAt = request.StartsAt;
        window.EndsAt = request.EndsAt;
        window.Stops = request.Stops;
        window.Reason = request.Reason.Trim();
        window.AlternativeCounter = request.AlternativeCounter.Trim();
        window.AlternativePhone = request.AlternativePhone.Trim();
        window.AlternativeHours = string.IsNullOrWhiteSpace(request.AlternativeHours) ? null : request.AlternativeHours.Trim();
        window.IsEmergency = request.IsEmergency;
        window.EmergencyReason = request.IsEmergency ? request.EmergencyReason?.Trim() : null;
    }

    // Residents are in production; a window of the tenant's staging environment is announced there, to its testers.
    private void RequestAnnouncements(MaintenanceWindow window)
    {
        var tenants = window.TenantSlug is { } slug ? catalog.Tenants.Where(t => t.Slug == slug) : catalog.Tenants;
        foreach (var tenant in tenants)
        {
            var environment = window.EnvironmentName ?? TenantEnvironmentNames.Production;
            if (tenant.FindEnvironment(environment) is null)
            {
                continue;
            }

            outbox.Add(new MaintenanceAnnouncementRequestedIntegrationEvent(
                window.Id, window.StartsAt, window.EndsAt, window.Reason, window.AlternativeCounter, window.AlternativePhone, window.AlternativeHours, window.ScheduledByUserId)
            {
                TenantSlug = tenant.Slug,
                EnvironmentName = environment,
            });
        }
    }

    private async Task<MaintenanceWindow> LoadChangeableAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireOperator();
        var window = await db.Set<MaintenanceWindow>().SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new MaintenanceRuleException("メンテナンスの予定が見つかりません。");
        if (window.IsCancelled)
        {
            throw new MaintenanceRuleException("このメンテナンスは中止されています。");
        }

        return window.HasEndedAt(clock.GetUtcNow()) ? throw new MaintenanceRuleException("このメンテナンスは終了しています。") : window;
    }

    private Task AuditAsync(MaintenanceWindow window, string action, string summary, CancellationToken cancellationToken)
    {
        var record = new AuditRecord(action, "maintenance", window.Id.ToString(), $"{summary}（{MaintenanceTime.Describe(window.StartsAt, window.EndsAt)}）");
        return window.TenantSlug is { } tenant
            ? auditLog.RecordForTenantAsync(tenant, record, cancellationToken)
            : auditLog.RecordAsync(record, cancellationToken);
    }

    private void RequireOperator()
    {
        if (!staff.IsOperator || staff.UserId is null)
        {
            throw new UnauthorizedAccessException("Maintenance windows are for the vendor's operators.");
        }
    }
}
