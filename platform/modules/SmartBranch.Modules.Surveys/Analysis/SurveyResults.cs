using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.Images;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <param name="Attributes">The segment attributes answers may be cross-tabulated by (single-choice ones only).</param>
/// <param name="ShowsPersonalData">The reader may see respondents and phone, e-mail and postal answers.</param>
public sealed record SurveyResultsReport(
    Guid SurveyId,
    string Title,
    SurveyState State,
    bool Anonymous,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Total,
    IReadOnlyList<(DateOnly Day, int Count)> PerDay,
    IReadOnlyList<SurveyQuestionResult> Questions,
    IReadOnlyList<SegmentAttribute> Attributes,
    bool ShowsPersonalData);

/// <param name="Respondent">The LINE user id of an identified survey's respondent, when the reader may see it.</param>
/// <param name="Masked">The value (and respondent) are hidden from this reader.</param>
public sealed record SurveyListedAnswer(Guid ResponseId, DateTimeOffset SubmittedAt, string? Respondent, string Value, bool Masked)
{
    /// <summary>An image question's images, by id (<see cref="SurveyResults.OpenImageAsync"/>); empty when masked.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}

/// <param name="Page">1-based; a page past the last answers the last.</param>
/// <param name="SearchIgnored">A search was asked for on answers the reader may not see, and not made.</param>
public sealed record SurveyAnswerPage(IReadOnlyList<SurveyListedAnswer> Answers, int Page, int PageSize, int Total, bool SearchIgnored)
{
    public const int DefaultPageSize = 20;
    public const int MaxSearchLength = 100;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// A survey's answers for staff with <see cref="SurveysPermissions.Results"/>: counts and charts, answers listed one
/// by one, cross-tabulation and CSV export. Respondents and phone, e-mail and postal answers are masked for staff
/// without <see cref="IResidentDirectory.ViewPermission"/> (residents' personal data); listing answers and exporting
/// them are recorded in the audit log.
/// </summary>
public sealed class SurveyResults
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly IAuditLog _audit;
    private readonly ISegmentCatalog _segments;
    private readonly SurveyImages _images;

    internal SurveyResults(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit, ISegmentCatalog segments, SurveyImages images)
    {
        _db = db;
        _staff = staff;
        _audit = audit;
        _segments = segments;
        _images = images;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Results"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey in this tenant environment.</exception>
    public async Task<SurveyResultsReport> ReadAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        RequireResults();
        var (survey, columns) = await FindAsync(surveyId, cancellationToken);
        var tally = new SurveyTally(columns);
        await foreach (var (answers, submittedAt) in Responses(survey.Id).Select(r => new { r.AnswersJson, r.SubmittedAt }).AsAsyncEnumerable()
                           .Select(r => (SurveyAnswersJson.Parse(r.AnswersJson), r.SubmittedAt)).WithCancellation(cancellationToken))
        {
            tally.Add(answers, submittedAt);
        }

        return new SurveyResultsReport(
            survey.Id, survey.Title, survey.State, survey.Anonymous, survey.OpensAt, survey.ClosesAt, tally.Total, tally.PerDay,
            [.. columns.Columns.Select(tally.ResultOf)], await CrossTabAttributesAsync(cancellationToken), ShowsPersonalData);
    }

    /// <summary>The answers to one listed question (text, phone, e-mail, postal), newest first, optionally containing <paramref name="search"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Results"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, or no such listed question.</exception>
    public async Task<SurveyAnswerPage> AnswersAsync(Guid surveyId, string questionKey, string? search, int page, CancellationToken cancellationToken)
    {
        RequireResults();
        var (survey, columns) = await FindAsync(surveyId, cancellationToken);
        var column = columns.Find(questionKey) is { IsListed: true } listed ? listed : throw new SurveyRuleException("一覧で見られる質問ではありません。");
        var masked = column.IsPersonalData && !ShowsPersonalData;
        var term = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (term?.Length > SurveyAnswerPage.MaxSearchLength)
        {
            throw new SurveyRuleException($"検索する言葉は {SurveyAnswerPage.MaxSearchLength} 文字までです。");
        }

        var searchIgnored = (masked || !column.IsSearchable) && term is not null;
        var matching = new List<SurveyListedAnswer>();
        await foreach (var answer in Listed(survey, column, searchIgnored ? null : term, cancellationToken))
        {
            matching.Add(answer with { Value = masked ? SurveyResultsCsv.Masked : answer.Value, Masked = masked || answer.Masked, Images = masked ? [] : answer.Images });
        }

        var pageCount = Math.Max(1, (matching.Count + SurveyAnswerPage.DefaultPageSize - 1) / SurveyAnswerPage.DefaultPageSize);
        var shown = Math.Clamp(page, 1, pageCount);
        await _audit.RecordAsync(new AuditRecord(
            "surveys.answers.read", "survey", survey.Id.ToString(),
            $"アンケート「{survey.Title}」の質問 {column.Key} の回答一覧（{shown} ページ目）を見ました。",
            TouchesPersonalData: !survey.Anonymous || (column.IsPersonalData && ShowsPersonalData)), cancellationToken);
        return new SurveyAnswerPage(
            [.. matching.Skip((shown - 1) * SurveyAnswerPage.DefaultPageSize).Take(SurveyAnswerPage.DefaultPageSize)], shown, SurveyAnswerPage.DefaultPageSize,
            matching.Count, searchIgnored);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Results"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, counted question or attribute.</exception>
    public async Task<SurveyCrossTab> CrossTabAsync(Guid surveyId, string questionKey, string attributeKey, CancellationToken cancellationToken)
    {
        RequireResults();
        var (survey, columns) = await FindAsync(surveyId, cancellationToken);
        var question = columns.Find(questionKey) is { IsCounted: true } counted ? counted : throw new SurveyRuleException("クロス集計できるのは、選択式と評価の質問です。");
        var attribute = (await CrossTabAttributesAsync(cancellationToken)).FirstOrDefault(a => a.Key == attributeKey)
                        ?? throw new SurveyRuleException("クロス集計に使える属性ではありません。");
        var tabulation = new SurveyCrossTabulation(question, attribute);
        await foreach (var row in Responses(survey.Id).Select(r => new { r.AnswersJson, r.SegmentsJson }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            tabulation.Add(SurveyAnswersJson.Parse(row.AnswersJson), SurveySegmentsJson.Parse(row.SegmentsJson));
        }

        return tabulation.Build();
    }

    /// <summary>Records the export and returns it, to be written as the responses are read.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Results"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey.</exception>
    public async Task<CsvExport> ExportCsvAsync(Guid surveyId, CsvEncoding encoding, CancellationToken cancellationToken)
    {
        RequireResults();
        var (survey, columns) = await FindAsync(surveyId, cancellationToken);
        var options = new SurveyCsvOptions(!survey.Anonymous, ShowsPersonalData, encoding);
        await _audit.RecordAsync(new AuditRecord(
            "surveys.answers.exported", "survey", survey.Id.ToString(),
            $"アンケート「{survey.Title}」の回答を CSV（{(encoding == CsvEncoding.ShiftJis ? "Shift_JIS" : "UTF-8")}）で書き出しました。"
            + (ShowsPersonalData ? "" : "個人情報は伏せ字です。"),
            TouchesPersonalData: ShowsPersonalData && (!survey.Anonymous || columns.Columns.Any(c => c.IsPersonalData))), cancellationToken);
        var rows = Responses(survey.Id)
            .Select(r => new SurveyCsvRow(r.Id, r.FormVersion, r.LineUserId, r.AnswersJson, r.SubmittedAt))
            .AsAsyncEnumerable();
        return new CsvExport(encoding, (output, token) => SurveyResultsCsv.WriteAsync(rows, columns, options, output, token));
    }

    /// <summary>
    /// One image of one response (or its preview), for staff who may also see residents' personal data; every view is
    /// recorded in the audit log. Null when the file is missing.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Results"/> and <see cref="IResidentDirectory.ViewPermission"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, response, or image among the response's answers.</exception>
    public async Task<Stream?> OpenImageAsync(Guid surveyId, Guid responseId, string imageId, bool preview, CancellationToken cancellationToken)
    {
        RequireResults();
        if (!ShowsPersonalData)
        {
            throw new UnauthorizedAccessException($"回答の画像を見るには、権限「{IResidentDirectory.ViewPermission}」も必要です。");
        }

        var (survey, columns) = await FindAsync(surveyId, cancellationToken);
        var json = await Responses(survey.Id).Where(r => r.Id == responseId).Select(r => r.AnswersJson).SingleOrDefaultAsync(cancellationToken);
        var answers = json is null ? null : SurveyAnswersJson.Parse(json);
        if (answers is null || !columns.Columns.Any(c => c.Kind == SurveyItemKind.Image && answers.TryGetValue(c.Key, out var ids) && ids.Contains(imageId)))
        {
            throw new SurveyRuleException("画像が見つかりません。別のアンケートの回答のものか、削除されています。");
        }

        await _audit.RecordAsync(new AuditRecord(
            "surveys.answers.image_viewed", "survey", survey.Id.ToString(),
            $"アンケート「{survey.Title}」の回答 {responseId} の画像{(preview ? "（縮小版）" : "")}を見ました。",
            TouchesPersonalData: true), cancellationToken);
        return await _images.OpenAsync(imageId, preview, cancellationToken);
    }

    private bool ShowsPersonalData => _staff.HasPermission(IResidentDirectory.ViewPermission);

    private IQueryable<SurveyResponse> Responses(Guid surveyId) =>
        _db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id);

    private async IAsyncEnumerable<SurveyListedAnswer> Listed(
        Survey survey, SurveyResultColumn column, string? term, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var quotedKey = $"\"{column.Key}\"";
        var rows = _db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.SurveyId == survey.Id && r.AnswersJson.Contains(quotedKey))
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.SubmittedAt, r.LineUserId, r.AnswersJson })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!SurveyAnswersJson.Parse(row.AnswersJson).TryGetValue(column.Key, out var values) || values.Count == 0)
            {
                continue;
            }

            var isImage = column.Kind == SurveyItemKind.Image;
            var value = isImage ? $"画像 {values.Count} 枚" : values[0];
            if (term is null || value.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                var hideRespondent = survey.Anonymous || !ShowsPersonalData;
                yield return new SurveyListedAnswer(row.Id, row.SubmittedAt, hideRespondent ? null : row.LineUserId, value, !survey.Anonymous && !ShowsPersonalData)
                {
                    Images = isImage ? values : [],
                };
            }
        }
    }

    private async Task<IReadOnlyList<SegmentAttribute>> CrossTabAttributesAsync(CancellationToken cancellationToken) =>
        [.. (await _segments.GetAttributesAsync(cancellationToken)).Where(a => !a.MultipleChoice)];

    private async Task<(Survey Survey, SurveyResultColumns Columns)> FindAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        var survey = await _db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
                     ?? throw new SurveyRuleException("アンケートが見つかりません。別の自治体・環境のものか、削除されています。");
        var versions = await _db.Set<SurveyFormVersion>().AsNoTracking().Where(v => v.SurveyId == survey.Id).Select(v => new { v.Version, v.FormJson }).ToListAsync(cancellationToken);
        return (survey, SurveyResultColumns.From(versions.ToDictionary(v => v.Version, v => SurveyFormJson.Parse(v.FormJson)), survey.FormVersion));
    }

    private void RequireResults()
    {
        if (_staff.UserId is null || !_staff.HasPermission(SurveysPermissions.Results))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{SurveysPermissions.Results}」が必要です。");
        }
    }
}
