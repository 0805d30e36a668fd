using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Editing;

/// <summary>
/// Staff write surveys here: settings, the form (each save a new version), publishing and closing. Every change is
/// checked against <see cref="SurveysPermissions.Edit"/> and recorded in the audit log.
/// </summary>
public sealed class SurveyEditor
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal SurveyEditor(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit, TimeProvider clock)
    {
        _db = db;
        _staff = staff;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>The current tenant environment's surveys, newest first.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.View"/>.</exception>
    public async Task<IReadOnlyList<SurveySummary>> ListAsync(CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.View);
        return await _db.Set<Survey>().AsNoTracking()
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SurveySummary(s.Id, s.Title, s.State, s.OpensAt, s.ClosesAt, s.Anonymous))
            .ToListAsync(cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.View"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey here.</exception>
    public async Task<SurveyDetails> GetAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.View);
        var survey = await FindAsync(surveyId, cancellationToken);
        var form = survey.FormVersion == 0 ? null : await FormAsync(survey, cancellationToken);
        return new SurveyDetails(
            survey.Id,
            new SurveySettings(survey.Title, survey.Description, survey.OpensAt, survey.ClosesAt, survey.Anonymous, survey.OneAnswerPerResident, survey.EditableUntilClose),
            survey.State,
            survey.FormVersion,
            form);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">Settings that make no sense (the message lists each problem).</exception>
    public async Task<Guid> CreateAsync(SurveySettings settings, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var survey = Survey.Create(settings, _clock.GetUtcNow());
        _db.Add(survey);
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("surveys.survey.created", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」を作りました。"), cancellationToken);
        return survey.Id;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, settings it cannot take, or a concurrent change.</exception>
    public async Task ChangeSettingsAsync(Guid surveyId, SurveySettings settings, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        survey.Change(settings, _clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("surveys.survey.settings_changed", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」の設定を変えました。"), cancellationToken);
    }

    /// <summary>Saves <paramref name="form"/> as the draft's next form version.</summary>
    /// <returns>The new version's number.</returns>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, not a draft, or a form with problems (the message lists each).</exception>
    public async Task<int> SaveFormAsync(Guid surveyId, SurveyForm form, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var errors = SurveyFormRules.Check(form);
        if (errors.Count > 0)
        {
            throw new SurveyRuleException(string.Join("\n", errors));
        }

        var survey = await FindAsync(surveyId, cancellationToken);
        var now = _clock.GetUtcNow();
        var version = survey.FormVersion + 1;
        survey.UseForm(version, now);
        _db.Add(SurveyFormVersion.Save(survey.Id, version, SurveyFormJson.Serialize(form), now));
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("surveys.form.saved", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」の質問を保存しました（第 {version} 版、{form.Questions.Count()} 問）。"),
            cancellationToken);
        return version;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, or one that cannot be published now.</exception>
    public async Task OpenAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        survey.Open(_clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("surveys.survey.opened", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」を公開しました。"), cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">No such survey, or one that is not open.</exception>
    public async Task CloseAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var survey = await FindAsync(surveyId, cancellationToken);
        survey.Close(_clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("surveys.survey.closed", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」を締め切りました。"), cancellationToken);
    }

    private async Task<SurveyForm> FormAsync(Survey survey, CancellationToken cancellationToken)
    {
        var json = await _db.Set<SurveyFormVersion>().AsNoTracking()
            .Where(v => v.SurveyId == survey.Id && v.Version == survey.FormVersion)
            .Select(v => v.FormJson)
            .SingleAsync(cancellationToken);
        return SurveyFormJson.Parse(json);
    }

    private async Task<Survey> FindAsync(Guid surveyId, CancellationToken cancellationToken) =>
        await _db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
        ?? throw new SurveyRuleException("アンケートが見つかりません。別の自治体・環境のものか、削除されています。");

    private void Require(string permission)
    {
        if (_staff.UserId is null || !_staff.HasPermission(permission))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{permission}」が必要です。");
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new SurveyRuleException("このアンケートは同時に変更されました。画面を読み込み直してから、もう一度操作してください。", e);
        }
    }
}

public sealed record SurveySummary(Guid Id, string Title, SurveyState State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Anonymous);

/// <param name="Form">The current form; null before the first save.</param>
public sealed record SurveyDetails(Guid Id, SurveySettings Settings, SurveyState State, int FormVersion, SurveyForm? Form);
