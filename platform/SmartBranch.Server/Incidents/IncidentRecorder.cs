using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>What an evaluation changed: incidents it opened and incidents it resolved because their alert stopped firing.</summary>
internal sealed record IncidentChanges(IReadOnlyList<Incident> Opened, IReadOnlyList<Incident> Resolved);

/// <summary>
/// Turns one evaluation into incidents: an alert with no unresolved incident opens one (an open one absorbs
/// the alert while it keeps firing), and an unresolved incident whose alert no longer fires is resolved,
/// unless its rule could not be evaluated this time.
/// </summary>
internal sealed class IncidentRecorder(SmartBranchDbContext db)
{
    public async Task<IncidentChanges> RecordAsync(
        IReadOnlyList<FiringAlert> firing, IReadOnlySet<string> evaluatedRules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Set<Incident>().Where(i => i.OpenAlertKey != null).ToListAsync(cancellationToken);
        var openKeys = open.Select(i => i.AlertKey).ToHashSet(StringComparer.Ordinal);
        var firingKeys = firing.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

        var opened = firing.DistinctBy(a => a.Key).Where(a => !openKeys.Contains(a.Key)).Select(a => Open(a, now)).ToList();
        var resolved = open.Where(i => evaluatedRules.Contains(i.RuleId) && !firingKeys.Contains(i.AlertKey)).ToList();
        foreach (var incident in resolved)
        {
            incident.State = IncidentState.Resolved;
            incident.ResolvedAt = now;
            incident.OpenAlertKey = null;
            db.Set<IncidentEvent>().Add(Event(incident.Id, now, IncidentEventKind.Resolved, "条件が解消したため、自動で復旧としました。"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new IncidentChanges(opened, resolved);
    }

    private Incident Open(FiringAlert alert, DateTimeOffset now)
    {
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            RuleId = alert.RuleId,
            AlertKey = alert.Key,
            OpenAlertKey = alert.Key,
            TenantSlug = alert.TenantSlug,
            EnvironmentName = alert.EnvironmentName,
            Title = alert.Title,
            Detail = alert.Detail,
            State = IncidentState.Open,
            OpenedAt = now,
        };
        db.Set<Incident>().Add(incident);
        db.Set<IncidentEvent>().Add(Event(incident.Id, now, IncidentEventKind.Opened, $"検知: {alert.Detail}"));
        return incident;
    }

    public static IncidentEvent Event(Guid incidentId, DateTimeOffset now, IncidentEventKind kind, string text) => new()
    {
        IncidentId = incidentId,
        OccurredAt = now,
        Kind = kind,
        Text = text,
    };
}
