using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Contracts;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Cases;

/// <summary>
/// One case as staff handle it: opening it (audited, since it shows the photo, place and comment), moving its status
/// (the reporter is told in LINE, through the outbox, in the same commit) and adding internal notes.
/// </summary>
public sealed class ReportCaseDesk
{
    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;
    private readonly ILineMessenger _messenger;
    private readonly IOutbox _outbox;
    private readonly IMediaStore _media;
    private readonly ICurrentTenant _tenant;
    private readonly TimeProvider _clock;

    internal ReportCaseDesk(ReportsStaff staff, IAuditLog audit, ILineMessenger messenger, IOutbox outbox, IMediaStore media, ICurrentTenant tenant, TimeProvider clock)
    {
        _staff = staff;
        _audit = audit;
        _messenger = messenger;
        _outbox = outbox;
        _media = media;
        _tenant = tenant;
        _clock = clock;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    /// <exception cref="ReportRuleException">No such case in the staff member's departments.</exception>
    public async Task<ReportCaseView> OpenAsync(Guid caseId, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var report = await _staff.FindAsync(caseId, cancellationToken);
        var entries = await _staff.Db.Set<ReportCaseEntry>().AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        string? duplicateOf = null;
        if (report.PossibleDuplicateOfId is { } duplicateId)
        {
            duplicateOf = await _staff.Db.Set<ReportCase>().Where(c => c.Id == duplicateId).Select(c => c.ReceiptNumber).SingleOrDefaultAsync(cancellationToken);
        }

        await _audit.RecordAsync(
            new AuditRecord("reports.case.viewed", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} を開きました（写真・場所・コメント）。", TouchesPersonalData: true),
            cancellationToken);
        var catalog = _staff.Catalog;
        return new ReportCaseView(
            report.Id,
            report.ReceiptNumber,
            catalog.Category(report.CategoryKey)?.NameJa ?? report.CategoryKey,
            catalog.Department(report.DepartmentKey)?.Name ?? report.DepartmentKey,
            report.Status,
            report.ReportedAt,
            report.CapturedAt,
            report.Latitude,
            report.Longitude,
            report.Address,
            report.Comment,
            report.PhotoId is not null,
            report.MediaUrl,
            report.Source,
            report.SourceClient,
            catalog.RoadManager(report.RoadManagerKey) is { } manager ? new ReportRoadManagerView(manager.Name, report.Road ?? "", manager.Contact, manager.Email) : null,
            report.PossibleDuplicateOfId,
            duplicateOf,
            report.Status.IsOpen() ? Enum.GetValues<ReportStatus>().Where(s => report.Status.CanMoveTo(s)).ToList() : [],
            entries.Select(e => new ReportHistoryEntry(e.At, e.StaffDisplayName, e.FromStatus, e.ToStatus, e.Note) { ForwardedTo = e.ForwardedTo, PhotoPublic = e.PhotoPublic }).ToList())
        {
            PhotoPublic = report.PhotoPublic,
            PublicMap = catalog.PublicMap,
        };
    }

    /// <summary>Moves the case and tells the reporter in LINE; <paramref name="note"/> stays internal.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Handle"/>.</exception>
    /// <exception cref="ReportRuleException">No such case, a move the rules forbid, or a note too long.</exception>
    public async Task ChangeStatusAsync(Guid caseId, ReportStatus to, string? note, CancellationToken cancellationToken)
    {
        var userId = _staff.Require(ReportsPermissions.Handle);
        note = CleanNote(note);
        var report = await _staff.FindAsync(caseId, cancellationToken);
        var from = report.Status;
        var now = _clock.GetUtcNow();
        report.MoveTo(to, now);
        _staff.Db.Add(ReportCaseEntry.ByStaff(report.Id, now, userId, _staff.Member.DisplayName, from, to, note));
        _outbox.Add(new ReportStatusChangedIntegrationEvent(report.Id, report.ReceiptNumber, from.Key(), to.Key()));
        if (report.ReporterLineUserId is { } reporter)
        {
            _messenger.Push(reporter, [ReportChatMessages.StatusChanged(report.ReceiptNumber, to)]);
        }

        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("reports.case.status_changed", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} を「{from.Japanese()}」から「{to.Japanese()}」にしました。"),
            cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Handle"/>.</exception>
    /// <exception cref="ReportRuleException">No such case, or an empty or too long note.</exception>
    public async Task AddNoteAsync(Guid caseId, string note, CancellationToken cancellationToken)
    {
        var userId = _staff.Require(ReportsPermissions.Handle);
        var text = CleanNote(note) ?? throw new ReportRuleException("メモを入力してください。");
        var report = await _staff.FindAsync(caseId, cancellationToken);
        var now = _clock.GetUtcNow();
        report.Touch(now);
        _staff.Db.Add(ReportCaseEntry.ByStaff(report.Id, now, userId, _staff.Member.DisplayName, null, null, text));
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("reports.case.noted", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} に内部メモを追加しました。"), cancellationToken);
    }

    /// <summary>Approves the case's photo for the tenant's public status map, or withdraws the approval; recorded in the case's history.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Handle"/>.</exception>
    /// <exception cref="ReportRuleException">No such case, no photo, already so, or a declined case.</exception>
    public async Task PublishPhotoAsync(Guid caseId, bool isPublic, CancellationToken cancellationToken)
    {
        var userId = _staff.Require(ReportsPermissions.Handle);
        var report = await _staff.FindAsync(caseId, cancellationToken);
        var now = _clock.GetUtcNow();
        report.PublishPhoto(isPublic, now);
        _staff.Db.Add(ReportCaseEntry.PhotoPublication(report.Id, now, userId, _staff.Member.DisplayName, isPublic));
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(
            isPublic
                ? new AuditRecord("reports.case.photo_published", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} の写真を公開地図に載せました。")
                : new AuditRecord("reports.case.photo_withdrawn", "report", report.Id.ToString(), $"通報 {report.ReceiptNumber} の写真を公開地図から取り下げました。"),
            cancellationToken);
    }

    /// <summary>The case's photo (or its preview) for the portal; null when the case has none or the file is missing.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    /// <exception cref="ReportRuleException">No such case in the staff member's departments.</exception>
    public async Task<Stream?> OpenPhotoAsync(Guid caseId, bool preview, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var report = await _staff.FindAsync(caseId, cancellationToken);
        if (report.PhotoId is not { } photoId)
        {
            return null;
        }

        var tenant = _tenant.Required;
        var file = preview ? MediaFileName.Preview(photoId) : MediaFileName.Original(photoId);
        return await _media.OpenReadAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, file), cancellationToken);
    }

    private static string? CleanNote(string? note)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return text is { Length: > ReportCaseEntry.MaxNoteLength }
            ? throw new ReportRuleException($"メモは {ReportCaseEntry.MaxNoteLength} 文字までです。")
            : text;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _staff.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ReportRuleException("この通報は同時に変更されました。画面を読み込み直してから、もう一度操作してください。", e);
        }
    }
}

public sealed record ReportCaseView(
    Guid Id,
    string ReceiptNumber,
    string Category,
    string Department,
    ReportStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? CapturedAt,
    double Latitude,
    double Longitude,
    string? Address,
    string? Comment,
    bool HasPhoto,
    string? MediaUrl,
    ReportSource Source,
    string? SourceClient,
    ReportRoadManagerView? RoadManager,
    Guid? PossibleDuplicateOfId,
    string? PossibleDuplicateOfReceipt,
    IReadOnlyList<ReportStatus> NextStatuses,
    IReadOnlyList<ReportHistoryEntry> History)
{
    /// <summary>Staff approved the photo for the public status map.</summary>
    public bool PhotoPublic { get; init; }

    /// <summary>The tenant publishes a status map (<c>publicMap: true</c> in <c>reports.yml</c>), so photos can be approved for it.</summary>
    public bool PublicMap { get; init; }
}

/// <param name="StaffName">Null when the resident filed the case.</param>
public sealed record ReportHistoryEntry(DateTimeOffset At, string? StaffName, ReportStatus? FromStatus, ReportStatus? ToStatus, string? Note)
{
    /// <summary>Set when staff forwarded the case to the road's manager (転送).</summary>
    public string? ForwardedTo { get; init; }

    /// <summary>True when staff approved the photo for the public map, false when they withdrew it.</summary>
    public bool? PhotoPublic { get; init; }
}

/// <summary>The other body that manages the case's road; <paramref name="Email"/> null means it cannot be forwarded.</summary>
public sealed record ReportRoadManagerView(string Name, string Road, string? Contact, string? Email);
