using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Incidents;

internal sealed class IncidentConsole(
    SmartBranchDbContext db, ICurrentStaff staff, AuditLog auditLog, ITenantCatalog catalog, TimeProvider clock) : IIncidentConsole
{
    public const int MaxNoteLength = 4000;
    private const int ResolvedListed = 100;

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken)
    {
        RequireOperator();
        var incidents = db.Set<Incident>().AsNoTracking();
        var open = await incidents.Where(i => i.State != IncidentState.Resolved).ToListAsync(cancellationToken);
        var resolved = await incidents.Where(i => i.State == IncidentState.Resolved)
            .OrderByDescending(i => i.OpenedAt).Take(ResolvedListed).ToListAsync(cancellationToken);
        return open.OrderByDescending(i => i.OpenedAt).Concat(resolved)
            .Select(i => new IncidentSummary(i.Id, i.Title, i.TenantSlug, i.EnvironmentName, i.State, i.OpenedAt, i.ResolvedAt))
            .ToList();
    }

    public async Task<IncidentDetails?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireOperator();
        var incident = await db.Set<Incident>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var timeline = await db.Set<IncidentEvent>().AsNoTracking().Where(e => e.IncidentId == id).ToListAsync(cancellationToken);
        timeline = [.. timeline.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)];
        var tenantName = incident.TenantSlug is { } slug ? catalog.Find(slug)?.Name : null;
        return new IncidentDetails(incident, timeline, IncidentReport.For(incident, timeline, tenantName));
    }

    public async Task<IncidentDetails?> ExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await FindAsync(id, cancellationToken);
        if (details is not null)
        {
            await AuditAsync(details.Incident, "incident.report.exported", "障害報告書を出力しました。", cancellationToken);
        }

        return details;
    }

    public async Task AcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var incident = await LoadAsync(id, cancellationToken);
        if (incident.State != IncidentState.Open)
        {
            throw new IncidentRuleException("未対応の障害だけを受け付けられます。");
        }

        var now = clock.GetUtcNow();
        incident.State = IncidentState.Acknowledged;
        incident.AcknowledgedAt = now;
        await SaveAsync(incident, IncidentEventKind.Acknowledged, "運用担当者が受け付けました。", "incident.acknowledged", "障害を受け付けました。", cancellationToken);
    }

    public async Task AddNoteAsync(Guid id, string note, CancellationToken cancellationToken)
    {
        var text = RequireNote(note);
        var incident = await LoadAsync(id, cancellationToken);
        await SaveAsync(incident, IncidentEventKind.Note, text, "incident.noted", "障害に記録を追加しました。", cancellationToken);
    }

    public async Task ResolveAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : RequireNote(note);
        var incident = await LoadAsync(id, cancellationToken);
        if (!incident.IsOpen)
        {
            throw new IncidentRuleException("この障害はすでに復旧済みです。");
        }

        incident.State = IncidentState.Resolved;
        incident.ResolvedAt = clock.GetUtcNow();
        incident.OpenAlertKey = null;
        await SaveAsync(incident, IncidentEventKind.Resolved, text is null ? "運用担当者が復旧を確認しました。" : $"運用担当者が復旧を確認しました: {text}",
            "incident.resolved", "障害を復旧済みにしました。", cancellationToken);
    }

    public async Task SaveReportAsync(Guid id, IncidentReportText text, CancellationToken cancellationToken)
    {
        string[] sections = [text.Impact, text.Cause, text.Response, text.Prevention];
        if (sections.Any(s => s.Length > IncidentReportText.MaxSectionLength))
        {
            throw new IncidentRuleException($"報告書の各項目は {IncidentReportText.MaxSectionLength} 文字以内で入力してください。");
        }

        var incident = await LoadAsync(id, cancellationToken);
        incident.ReportImpact = text.Impact.Trim();
        incident.ReportCause = text.Cause.Trim();
        incident.ReportResponse = text.Response.Trim();
        incident.ReportPrevention = text.Prevention.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(incident, "incident.report.saved", "障害報告書を保存しました。", cancellationToken);
    }

    private async Task<Incident> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireOperator();
        return await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new IncidentRuleException("障害が見つかりません。");
    }

    private async Task SaveAsync(Incident incident, IncidentEventKind kind, string text, string action, string summary, CancellationToken cancellationToken)
    {
        db.Set<IncidentEvent>().Add(new IncidentEvent
        {
            IncidentId = incident.Id,
            OccurredAt = clock.GetUtcNow(),
            Kind = kind,
            ActorUserId = staff.UserId,
            ActorDisplayName = staff.DisplayName,
            Text = text,
        });
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(incident, action, summary, cancellationToken);
    }

    private Task AuditAsync(Incident incident, string action, string summary, CancellationToken cancellationToken)
    {
        var record = new AuditRecord(action, "incident", incident.Id.ToString(), $"{summary}（{incident.Title}）");
        return incident.TenantSlug is { } tenant
            ? auditLog.RecordForTenantAsync(tenant, record, cancellationToken)
            : auditLog.RecordAsync(record, cancellationToken);
    }

    private void RequireOperator()
    {
        if (!staff.IsOperator)
        {
            throw new UnauthorizedAccessException("Incidents are for the vendor's operators.");
        }
    }

    private static string RequireNote(string note)
    {
        var text = note.Trim();
        if (text.Length == 0)
        {
            throw new IncidentRuleException("記録する内容を入力してください。");
        }

        return text.Length <= MaxNoteLength ? text : throw new IncidentRuleException($"記録は {MaxNoteLength} 文字以内で入力してください。");
    }
}
