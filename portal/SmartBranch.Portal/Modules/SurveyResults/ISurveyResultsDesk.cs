using SmartBranch.Modules.Surveys.Analysis;

namespace SmartBranch.Portal.Modules.SurveyResults;

/// <summary>
/// What the results page asks of the Surveys module, which checks <c>surveys.results</c>, masks personal data for
/// staff who may not see it and audits reading answers: <see cref="UnauthorizedAccessException"/> without the
/// permission, <c>SurveyRuleException</c> (Japanese) for a survey, question or attribute that is not there. Component
/// tests replace it.
/// </summary>
public interface ISurveyResultsDesk
{
    Task<SurveyResultsReport> ReadAsync(Guid surveyId, CancellationToken cancellationToken);

    Task<SurveyAnswerPage> AnswersAsync(Guid surveyId, string questionKey, string? search, int page, CancellationToken cancellationToken);

    Task<SurveyCrossTab> CrossTabAsync(Guid surveyId, string questionKey, string attributeKey, CancellationToken cancellationToken);
}

internal sealed class SurveyResultsDesk(SmartBranch.Modules.Surveys.Analysis.SurveyResults results) : ISurveyResultsDesk
{
    public Task<SurveyResultsReport> ReadAsync(Guid surveyId, CancellationToken cancellationToken) => results.ReadAsync(surveyId, cancellationToken);

    public Task<SurveyAnswerPage> AnswersAsync(Guid surveyId, string questionKey, string? search, int page, CancellationToken cancellationToken) =>
        results.AnswersAsync(surveyId, questionKey, search, page, cancellationToken);

    public Task<SurveyCrossTab> CrossTabAsync(Guid surveyId, string questionKey, string attributeKey, CancellationToken cancellationToken) =>
        results.CrossTabAsync(surveyId, questionKey, attributeKey, cancellationToken);
}
