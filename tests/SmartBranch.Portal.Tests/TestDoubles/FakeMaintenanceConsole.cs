using SmartBranch.Kernel.Maintenance;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Windows in memory, checked by the kernel's own rules against the test's clock, as the kernel's console checks them.</summary>
internal sealed class FakeMaintenanceConsole(TimeProvider clock) : IMaintenanceConsole, IMaintenanceCalendar
{
    public List<MaintenanceWindow> Windows { get; } = [];

    public List<MaintenanceWindowRequest> Scheduled { get; } = [];

    public Task<MaintenanceWindowList> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = Windows.Where(w => !w.IsCancelled && !w.HasEndedAt(now)).ToList();
        return Task.FromResult(new MaintenanceWindowList(
            [.. live.Where(w => w.StartsAt <= now)], [.. live.Where(w => w.StartsAt > now).OrderBy(w => w.StartsAt)], [.. Windows.Except(live)]));
    }

    public Task<MaintenanceWindow?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Windows.SingleOrDefault(w => w.Id == id));

    public Task<Guid> ScheduleAsync(MaintenanceWindowRequest request, CancellationToken cancellationToken)
    {
        Check(request, null);
        Scheduled.Add(request);
        return Task.FromResult(Add(request).Id);
    }

    public Task UpdateAsync(Guid id, MaintenanceWindowRequest request, CancellationToken cancellationToken)
    {
        var window = Windows.Single(w => w.Id == id);
        Check(request, window);
        (window.StartsAt, window.EndsAt, window.Reason) = (request.StartsAt, request.EndsAt, request.Reason);
        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new MaintenanceRuleException("中止の理由を 500 文字以内で入力してください。");
        }

        var window = Windows.Single(w => w.Id == id);
        (window.CancelledAt, window.CancellationReason) = (clock.GetUtcNow(), reason);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MaintenanceWindow>> AnnouncedAsync(string tenantSlug, string? environmentName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MaintenanceWindow>>(
            [.. Windows.Where(w => w.IsAnnouncedAt(clock.GetUtcNow()) && w.Covers(tenantSlug, environmentName))]);

    public Task<MaintenanceWindow?> StoppingNowAsync(string tenantSlug, string environmentName, MaintenanceStops stops, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Components never ask; the middleware does.");

    public MaintenanceWindow Add(MaintenanceWindowRequest request)
    {
        var window = new MaintenanceWindow
        {
            Id = Guid.NewGuid(),
            TenantSlug = request.TenantSlug,
            EnvironmentName = request.EnvironmentName,
            StartsAt = request.StartsAt,
            EndsAt = request.EndsAt,
            Stops = request.Stops,
            Reason = request.Reason,
            AlternativeCounter = request.AlternativeCounter,
            AlternativePhone = request.AlternativePhone,
            AlternativeHours = request.AlternativeHours,
            IsEmergency = request.IsEmergency,
            EmergencyReason = request.EmergencyReason,
            AnnouncedToResidents = request.AnnounceToResidents,
            ScheduledByUserId = "op-1",
            ScheduledByName = "運用 一郎",
            ScheduledAt = clock.GetUtcNow(),
        };
        Windows.Add(window);
        return window;
    }

    private void Check(MaintenanceWindowRequest request, MaintenanceWindow? previous)
    {
        var problems = MaintenanceRules.Check(request, clock.GetUtcNow(), previous, Windows);
        if (problems.Count > 0)
        {
            throw new MaintenanceRuleException(problems);
        }
    }
}
