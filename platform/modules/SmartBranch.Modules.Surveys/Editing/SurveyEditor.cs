using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Editing;

/// <summary>
/// Staff write surveys here: settings, the form (each save a new version), publishing, closing and promotion from
/// staging to production. Every change is checked against <see cref="SurveysPermissions.Edit"/> and recorded in the
/// audit log.
/// </summary>
public sealed class SurveyEditor : ISurveyEditor
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly ICurrentTenant _tenant;
    private readonly ITenantScopeFactory _scopes;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal SurveyEditor(SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant tenant, ITenantScopeFactory scopes, IAuditLog audit, TimeProvider clock)
    {
        _db = db;
        _staff = staff;
        _tenant = tenant;
        _scopes = scopes;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>The current tenant environment's surveys, newest first; answer counts only for <see cref="SurveysPermissions.Results"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.View"/>.</exception>
    public async Task<IReadOnlyList<SurveySummary>> ListAsync(CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.View);
        var surveys = await _db.Set<Survey>().AsNoTracking()
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SurveySummary(s.Id, s.Title, s.State, s.OpensAt, s.ClosesAt, s.Anonymous, null))
            .ToListAsync(cancellationToken);
        if (!_staff.HasPermission(SurveysPermissions.Results))
        {
            return surveys;
        }

        var counts = await _db.Set<SurveyResponse>().AsNoTracking()
            .GroupBy(r => r.SurveyId)
            .Select(g => new { SurveyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.SurveyId, c => c.Count, cancellationToken);
        return [.. surveys.Select(s => s with { AnswerCount = counts.GetValueOrDefault(s.Id) })];
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
            survey.Settings,
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

    /// <summary>
    /// Copies a staging survey's settings and current form to production as a new draft, which production's staff
    /// check and publish there. Recorded in staging's audit log, where the staff member who promoted is signed in, with
    /// the production draft's id.
    /// </summary>
    /// <returns>The production draft's id.</returns>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="SurveyRuleException">Not in staging, no such survey, or no saved form.</exception>
    public async Task<Guid> PromoteAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        Require(SurveysPermissions.Edit);
        var staging = _tenant.Required;
        if (staging.EnvironmentName != TenantEnvironmentNames.Staging)
        {
            throw new SurveyRuleException("本番環境へ反映できるのは、ステージング環境のアンケートだけです。");
        }

        var survey = await FindAsync(surveyId, cancellationToken);
        if (survey.FormVersion == 0)
        {
            throw new SurveyRuleException("質問を保存してから本番環境へ反映してください。");
        }

        var formJson = SurveyFormJson.Serialize(await FormAsync(survey, cancellationToken));
        var settings = survey.Settings;
        Guid productionId;
        await using (var production = _scopes.CreateScope(staging.TenantSlug, TenantEnvironmentNames.Production))
        {
            var db = production.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var now = _clock.GetUtcNow();
            var copy = Survey.Create(settings, now);
            copy.UseForm(1, now);
            db.AddRange(copy, SurveyFormVersion.Save(copy.Id, 1, formJson, now));
            await db.SaveChangesAsync(cancellationToken);
            productionId = copy.Id;
        }

        await _audit.RecordAsync(
            new AuditRecord("surveys.survey.promoted", "survey", survey.Id.ToString(), $"アンケート「{survey.Title}」を本番環境へ下書きとして反映しました（第 {survey.FormVersion} 版の質問、本番のアンケート {productionId}）。"),
            cancellationToken);
        return productionId;
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

/// <param name="AnswerCount">Null when the viewer may not see results.</param>
public sealed record SurveySummary(Guid Id, string Title, SurveyState State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Anonymous, int? AnswerCount);

/// <param name="Form">The current form; null before the first save.</param>
public sealed record SurveyDetails(Guid Id, SurveySettings Settings, SurveyState State, int FormVersion, SurveyForm? Form);
