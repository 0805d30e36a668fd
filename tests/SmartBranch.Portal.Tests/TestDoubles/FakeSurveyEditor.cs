using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Surveys kept in memory; forms are checked by the module's real rules, as the editor checks them.</summary>
internal sealed class FakeSurveyEditor : ISurveyEditor
{
    public Dictionary<Guid, SurveyDetails> Surveys { get; } = [];

    public List<SurveySettings> Created { get; } = [];

    public List<(Guid Id, SurveySettings Settings)> SettingsChanges { get; } = [];

    public List<(Guid Id, SurveyForm Form)> SavedForms { get; } = [];

    public List<(Guid Id, string Action)> Actions { get; } = [];

    /// <summary>Answer counts shown to viewers with results permission.</summary>
    public Dictionary<Guid, int> AnswerCounts { get; } = [];

    public Guid Add(SurveySettings settings, SurveyState state = SurveyState.Draft, SurveyForm? form = null)
    {
        var id = Guid.NewGuid();
        Surveys[id] = new SurveyDetails(id, settings, state, form is null ? 0 : 1, form);
        return id;
    }

    public Task<IReadOnlyList<SurveySummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SurveySummary>>([.. Surveys.Values.Select(s => new SurveySummary(
            s.Id, s.Settings.Title, s.State, s.Settings.OpensAt, s.Settings.ClosesAt, s.Settings.Anonymous, AnswerCounts.TryGetValue(s.Id, out var n) ? n : null))]);

    public Task<SurveyDetails> GetAsync(Guid surveyId, CancellationToken cancellationToken) =>
        Surveys.TryGetValue(surveyId, out var survey) ? Task.FromResult(survey) : throw new SurveyRuleException("アンケートが見つかりません。");

    public Task<Guid> CreateAsync(SurveySettings settings, CancellationToken cancellationToken)
    {
        Created.Add(settings);
        return Task.FromResult(Add(settings));
    }

    public Task ChangeSettingsAsync(Guid surveyId, SurveySettings settings, CancellationToken cancellationToken)
    {
        SettingsChanges.Add((surveyId, settings));
        Surveys[surveyId] = Surveys[surveyId] with { Settings = settings };
        return Task.CompletedTask;
    }

    public Task<int> SaveFormAsync(Guid surveyId, SurveyForm form, CancellationToken cancellationToken)
    {
        var errors = SurveyFormRules.Check(form);
        if (errors.Count > 0)
        {
            throw new SurveyRuleException(string.Join("\n", errors));
        }

        SavedForms.Add((surveyId, form));
        var survey = Surveys[surveyId];
        Surveys[surveyId] = survey with { FormVersion = survey.FormVersion + 1, Form = form };
        return Task.FromResult(survey.FormVersion + 1);
    }

    public Task OpenAsync(Guid surveyId, CancellationToken cancellationToken) => Act(surveyId, "open", SurveyState.Open);

    public Task CloseAsync(Guid surveyId, CancellationToken cancellationToken) => Act(surveyId, "close", SurveyState.Closed);

    public async Task<Guid> PromoteAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        await Act(surveyId, "promote", Surveys[surveyId].State);
        return Guid.NewGuid();
    }

    private Task Act(Guid surveyId, string action, SurveyState state)
    {
        Actions.Add((surveyId, action));
        Surveys[surveyId] = Surveys[surveyId] with { State = state };
        return Task.CompletedTask;
    }
}
