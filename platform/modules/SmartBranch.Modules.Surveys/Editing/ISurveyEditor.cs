using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Editing;

/// <summary>What the portal's survey screens ask of <see cref="SurveyEditor"/>; see it for the rules and exceptions.</summary>
public interface ISurveyEditor
{
    Task<IReadOnlyList<SurveySummary>> ListAsync(CancellationToken cancellationToken);

    Task<SurveyDetails> GetAsync(Guid surveyId, CancellationToken cancellationToken);

    Task<Guid> CreateAsync(SurveySettings settings, CancellationToken cancellationToken);

    Task ChangeSettingsAsync(Guid surveyId, SurveySettings settings, CancellationToken cancellationToken);

    Task<int> SaveFormAsync(Guid surveyId, SurveyForm form, CancellationToken cancellationToken);

    Task OpenAsync(Guid surveyId, CancellationToken cancellationToken);

    Task CloseAsync(Guid surveyId, CancellationToken cancellationToken);

    Task<Guid> PromoteAsync(Guid surveyId, CancellationToken cancellationToken);
}
