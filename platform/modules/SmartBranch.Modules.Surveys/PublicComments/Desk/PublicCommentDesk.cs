using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Desk;

/// <summary>
/// Staff run public comment cases here: the case and its documents, the period, the opinions received, and the
/// result. Every call checks its permission; every change, and every reading of the opinions, goes to the audit log.
/// </summary>
public sealed class PublicCommentDesk : IPublicCommentDesk
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly ICurrentTenant _tenant;
    private readonly IAuditLog _audit;
    private readonly IMediaStore _media;
    private readonly ILineMessenger _messenger;
    private readonly ResidentPageLinks _links;
    private readonly TimeProvider _clock;

    internal PublicCommentDesk(
        SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant tenant, IAuditLog audit, IMediaStore media, ILineMessenger messenger,
        ResidentPageLinks links, TimeProvider clock)
    {
        _db = db;
        _staff = staff;
        _tenant = tenant;
        _audit = audit;
        _media = media;
        _messenger = messenger;
        _links = links;
        _clock = clock;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The current tenant environment's cases, newest first.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.View"/>.</exception>
    public async Task<IReadOnlyList<PublicCommentSummary>> ListAsync(CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.View);
        var cases = await _db.Set<PublicCommentCase>().AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var counts = await OpinionCountsAsync(cancellationToken);
        return cases
            .Select(c => new PublicCommentSummary(c.Id, c.Title, c.Department, c.State, c.OpensAt, c.ClosesAt, counts.GetValueOrDefault(c.Id)))
            .ToList();
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.View"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case here.</exception>
    public async Task<PublicCommentDetails> GetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.View);
        var @case = await FindAsync(caseId, cancellationToken);
        var documents = await _db.Set<PublicCommentDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var opinions = await _db.Set<PublicCommentOpinion>().CountAsync(o => o.CaseId == caseId, cancellationToken);
        return new PublicCommentDetails(
            @case.Id,
            new PublicCommentSettings(@case.Title, @case.Department, @case.Description, @case.OpensAt, @case.ClosesAt, @case.IdentityFields),
            @case.State,
            documents.Select(d => new PublicCommentDocumentSummary(d.Id, d.Title, d.SizeBytes, d.UploadedAt)).ToList(),
            opinions,
            @case.OpinionSummary,
            @case.CityResponse,
            @case.PublishedAt,
            @case.AvailabilityAt(Now));
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">Settings that make no sense (the message lists each problem).</exception>
    public async Task<Guid> CreateAsync(PublicCommentSettings settings, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = PublicCommentCase.Create(settings, Now);
        _db.Add(@case);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.case.created", @case, $"パブリックコメント「{@case.Title}」を作りました。", cancellationToken);
        return @case.Id;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case, settings it cannot take, or a concurrent change.</exception>
    public async Task ChangeAsync(Guid caseId, PublicCommentSettings settings, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        @case.Change(settings, Now);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.case.changed", @case, $"パブリックコメント「{@case.Title}」の内容を変えました。", cancellationToken);
    }

    /// <summary>Stores a PDF in the media store and puts it with the case.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">Not a PDF, too large, too many, or a case that is closed.</exception>
    public async Task<Guid> AttachDocumentAsync(Guid caseId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        if (@case.State is not (PublicCommentState.Draft or PublicCommentState.Open))
        {
            throw new PublicCommentRuleException("締め切った案件には資料を添付できません。");
        }

        if (PublicCommentDocuments.Refusal(content.Span) is { } refusal)
        {
            throw new PublicCommentRuleException(refusal);
        }

        if (await _db.Set<PublicCommentDocument>().CountAsync(d => d.CaseId == caseId, cancellationToken) >= PublicCommentDocuments.MaxPerCase)
        {
            throw new PublicCommentRuleException($"資料は 1 件につき {PublicCommentDocuments.MaxPerCase} 個までです。");
        }

        var tenant = _tenant.Required;
        var stored = MediaFileName.Document(MediaFileName.NewId());
        await _media.SaveAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, stored), content, cancellationToken);
        var document = PublicCommentDocument.Attach(caseId, PublicCommentDocuments.TitleFrom(fileName), stored, content.Length, Now);
        _db.Add(document);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.document.attached", @case, $"パブリックコメント「{@case.Title}」に資料「{document.Title}」（{content.Length:N0} バイト）を添付しました。", cancellationToken);
        return document.Id;
    }

    /// <summary>Takes a document off a draft (an announced case keeps what residents may have read).</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such document, or a case that is no longer a draft.</exception>
    public async Task RemoveDocumentAsync(Guid caseId, Guid documentId, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        if (@case.State != PublicCommentState.Draft)
        {
            throw new PublicCommentRuleException("募集を始めた案件の資料は外せません（住民が読んだ資料を残すため）。");
        }

        var document = await _db.Set<PublicCommentDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.CaseId == caseId, cancellationToken)
            ?? throw new PublicCommentRuleException("資料が見つかりません。");
        _db.Remove(document);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.document.removed", @case, $"パブリックコメント「{@case.Title}」から資料「{document.Title}」を外しました。", cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case, or one that cannot be opened now.</exception>
    public async Task OpenAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        @case.Open(Now);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.case.opened", @case, $"パブリックコメント「{@case.Title}」の募集を始めました。", cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case, or one that is not open.</exception>
    public async Task CloseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        @case.Close(Now);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.case.closed", @case, $"パブリックコメント「{@case.Title}」を締め切りました。", cancellationToken);
    }

    /// <summary>The opinions received, with their senders' identity fields, oldest first; the reading is audited as personal data.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Opinions"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case here.</exception>
    public async Task<IReadOnlyList<PublicCommentOpinionView>> OpinionsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Opinions);
        var @case = await FindAsync(caseId, cancellationToken);
        var opinions = await _db.Set<PublicCommentOpinion>().AsNoTracking().Where(o => o.CaseId == caseId).OrderBy(o => o.SubmittedAt).ToListAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("publiccomments.opinions.viewed", "public_comment", @case.Id.ToString(),
                $"パブリックコメント「{@case.Title}」の意見 {opinions.Count:N0} 件を、提出者の個人情報とともに開きました。", TouchesPersonalData: true),
            cancellationToken);
        return opinions
            .Select((o, index) => new PublicCommentOpinionView(index + 1, o.SubmittedAt, PublicCommentOpinionForm.ParseIdentity(o.IdentityJson), o.Text))
            .ToList();
    }

    /// <summary>Keeps the result being written (意見の概要と市の考え方) without publishing it.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case, not closed, or text too long.</exception>
    public async Task SaveResultAsync(Guid caseId, string? opinionSummary, string? cityResponse, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        @case.WriteResult(opinionSummary, cityResponse, Now);
        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.result.saved", @case, $"パブリックコメント「{@case.Title}」の結果（下書き）を保存しました。", cancellationToken);
    }

    /// <summary>
    /// Publishes the result on the public page and tells every participant in LINE, once each, with a link to it. The
    /// pushes go through the outbox in the same commit as the publishing: none is lost or sent twice if the server stops.
    /// </summary>
    /// <returns>How many residents are told.</returns>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Edit"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case, not closed, or a result that is missing or too long.</exception>
    public async Task<int> PublishAsync(Guid caseId, string opinionSummary, string cityResponse, CancellationToken cancellationToken)
    {
        Require(PublicCommentsPermissions.Edit);
        var @case = await FindAsync(caseId, cancellationToken);
        @case.Publish(opinionSummary, cityResponse, Now);
        var participants = await _db.Set<PublicCommentOpinion>().AsNoTracking()
            .Where(o => o.CaseId == caseId)
            .Select(o => o.LineUserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var link = _links.For(_tenant.Required, PublicCommentPaths.ResultPage(caseId));
        foreach (var participant in participants)
        {
            _messenger.Push(participant, [new TextMessage(PublicCommentText.ResultPublished(@case.Title, link))]);
        }

        await SaveAsync(cancellationToken);
        await AuditAsync("publiccomments.result.published", @case,
            $"パブリックコメント「{@case.Title}」の結果を公表し、意見を寄せた {participants.Count:N0} 人に LINE で知らせました。", cancellationToken);
        return participants.Count;
    }

    private async Task<Dictionary<Guid, int>> OpinionCountsAsync(CancellationToken cancellationToken) =>
        await _db.Set<PublicCommentOpinion>().AsNoTracking()
            .GroupBy(o => o.CaseId)
            .Select(g => new { CaseId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CaseId, g => g.Count, cancellationToken);

    private async Task<PublicCommentCase> FindAsync(Guid caseId, CancellationToken cancellationToken) =>
        await _db.Set<PublicCommentCase>().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
        ?? throw new PublicCommentRuleException("パブリックコメントの案件が見つかりません。別の自治体・環境のものか、削除されています。");

    private void Require(string permission)
    {
        if (_staff.UserId is null || !_staff.HasPermission(permission))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{permission}」が必要です。");
        }
    }

    private Task AuditAsync(string action, PublicCommentCase @case, string summary, CancellationToken cancellationToken) =>
        _audit.RecordAsync(new AuditRecord(action, "public_comment", @case.Id.ToString(), summary), cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new PublicCommentRuleException("この案件は同時に変更されました。画面を読み込み直してから、もう一度操作してください。", e);
        }
    }
}

public sealed record PublicCommentSummary(Guid Id, string Title, string Department, PublicCommentState State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int OpinionCount);

public sealed record PublicCommentDocumentSummary(Guid Id, string Title, long SizeBytes, DateTimeOffset UploadedAt);

/// <param name="Availability">Where the case stands for residents now (a case open past its end takes no opinions).</param>
public sealed record PublicCommentDetails(
    Guid Id,
    PublicCommentSettings Settings,
    PublicCommentState State,
    IReadOnlyList<PublicCommentDocumentSummary> Documents,
    int OpinionCount,
    string? OpinionSummary,
    string? CityResponse,
    DateTimeOffset? PublishedAt,
    PublicCommentAvailability Availability);

/// <param name="Number">The opinion's number within the case, in the order received (意見番号).</param>
public sealed record PublicCommentOpinionView(int Number, DateTimeOffset SubmittedAt, IReadOnlyDictionary<PublicCommentIdentityField, string> Identity, string Text);
