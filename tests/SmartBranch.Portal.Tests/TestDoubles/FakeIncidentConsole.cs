using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Incidents in memory, changed as the kernel's console changes them; refusals as the test sets.</summary>
internal sealed class FakeIncidentConsole : IIncidentConsole
{
    public static readonly DateTimeOffset OpenedAt = new(2026, 4, 1, 0, 30, 0, TimeSpan.Zero);

    public List<Incident> Incidents { get; } = [];

    public List<IncidentEvent> Events { get; } = [];

    public List<IncidentReportText> SavedReports { get; } = [];

    public string? Refusal { get; set; }

    public Incident Add(string title, IncidentState state, string? tenantSlug = "hirakawa", DateTimeOffset? openedAt = null)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            RuleId = "line-authentication",
            AlertKey = $"line-authentication/{tenantSlug}/production/",
            TenantSlug = tenantSlug,
            EnvironmentName = tenantSlug is null ? null : "production",
            Title = title,
            Detail = "LINE がチャネルアクセストークンを 3 回拒否しました（HTTP 401）。",
            State = state,
            OpenedAt = openedAt ?? OpenedAt,
            ResolvedAt = state == IncidentState.Resolved ? (openedAt ?? OpenedAt).AddHours(1) : null,
        };
        Incidents.Add(incident);
        Events.Add(new IncidentEvent { Id = Events.Count + 1, IncidentId = incident.Id, OccurredAt = incident.OpenedAt, Kind = IncidentEventKind.Opened, Text = "検知: " + incident.Detail });
        return incident;
    }

    public Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IncidentSummary>>(Incidents
            .OrderBy(i => i.State == IncidentState.Resolved).ThenByDescending(i => i.OpenedAt)
            .Select(i => new IncidentSummary(i.Id, i.Title, i.TenantSlug, i.EnvironmentName, i.State, i.OpenedAt, i.ResolvedAt))
            .ToList());

    public Task<IncidentDetails?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Incidents.SingleOrDefault(i => i.Id == id) is not { } incident)
        {
            return Task.FromResult<IncidentDetails?>(null);
        }

        var timeline = Events.Where(e => e.IncidentId == id).ToList();
        return Task.FromResult<IncidentDetails?>(new IncidentDetails(incident, timeline, IncidentReport.For(incident, timeline, "平川市")));
    }

    public Task<IncidentDetails?> ExportAsync(Guid id, CancellationToken cancellationToken) => FindAsync(id, cancellationToken);

    public Task AcknowledgeAsync(Guid id, CancellationToken cancellationToken) => Change(id, IncidentEventKind.Acknowledged, "運用担当者が受け付けました。", i =>
    {
        i.State = IncidentState.Acknowledged;
        i.AcknowledgedAt = OpenedAt.AddMinutes(5);
    });

    public Task AddNoteAsync(Guid id, string note, CancellationToken cancellationToken) => Change(id, IncidentEventKind.Note, note.Trim(), _ => { });

    public Task ResolveAsync(Guid id, string? note, CancellationToken cancellationToken) => Change(id, IncidentEventKind.Resolved, "運用担当者が復旧を確認しました。", i =>
    {
        i.State = IncidentState.Resolved;
        i.ResolvedAt = OpenedAt.AddMinutes(30);
    });

    public Task SaveReportAsync(Guid id, IncidentReportText text, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        SavedReports.Add(text);
        var incident = Incidents.Single(i => i.Id == id);
        (incident.ReportImpact, incident.ReportCause, incident.ReportResponse, incident.ReportPrevention) = (text.Impact, text.Cause, text.Response, text.Prevention);
        return Task.CompletedTask;
    }

    private Task Change(Guid id, IncidentEventKind kind, string text, Action<Incident> change)
    {
        ThrowIfRefused();
        var incident = Incidents.Single(i => i.Id == id);
        change(incident);
        Events.Add(new IncidentEvent { Id = Events.Count + 1, IncidentId = id, OccurredAt = OpenedAt.AddMinutes(Events.Count), Kind = kind, ActorDisplayName = "運用 一郎", Text = text });
        return Task.CompletedTask;
    }

    private void ThrowIfRefused()
    {
        if (Refusal is { } refusal)
        {
            throw new IncidentRuleException(refusal);
        }
    }
}
