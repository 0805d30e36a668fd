using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Portal.Modules.SurveyResults;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Answers the results page with what a test set, and records what it was asked.</summary>
internal sealed class FakeSurveyResultsDesk : ISurveyResultsDesk
{
    public SurveyResultsReport? Report { get; set; }

    public SurveyAnswerPage? Answers { get; set; }

    public SurveyCrossTab? CrossTab { get; set; }

    public List<(string QuestionKey, string? Search, int Page)> AnswerRequests { get; } = [];

    public Task<SurveyResultsReport> ReadAsync(Guid surveyId, CancellationToken cancellationToken) =>
        Report is { } report ? Task.FromResult(report) : throw new SurveyRuleException("アンケートが見つかりません。別の自治体・環境のものか、削除されています。");

    public Task<SurveyAnswerPage> AnswersAsync(Guid surveyId, string questionKey, string? search, int page, CancellationToken cancellationToken)
    {
        AnswerRequests.Add((questionKey, search, page));
        return Task.FromResult(Answers!);
    }

    public Task<SurveyCrossTab> CrossTabAsync(Guid surveyId, string questionKey, string attributeKey, CancellationToken cancellationToken) =>
        CrossTab is { } table ? Task.FromResult(table) : throw new SurveyRuleException("クロス集計に使える属性ではありません。");
}
