using Microsoft.AspNetCore.Http;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>
/// What a survey page's form posted: the answers by question key, the page's submission key (a new one when it sent
/// none that is usable), the step pressed, and the whole form (for its files). Shared by every page that draws its form
/// with <see cref="SurveyPageHtml"/>.
/// </summary>
internal sealed record SurveyPagePosted(IReadOnlyDictionary<string, IReadOnlyList<string>> Given, string SubmissionKey, string Step, IFormCollection Form)
{
    private const int MaxValuesPerQuestion = 100;

    public static async Task<SurveyPagePosted> ReadAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var given = form
            .Where(f => f.Key.StartsWith(SurveyPageHtml.FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(
                f => f.Key[SurveyPageHtml.FieldPrefix.Length..],
                f => (IReadOnlyList<string>)f.Value.Take(MaxValuesPerQuestion).Select(v => v ?? "").ToList(),
                StringComparer.Ordinal);
        var submissionKey = form[SurveyPageHtml.SubmissionField].ToString();
        return new SurveyPagePosted(given, Guid.TryParse(submissionKey, out _) ? submissionKey : NewSubmissionKey(), form[SurveyPageHtml.StepField].ToString(), form);
    }

    public static string NewSubmissionKey() => Guid.NewGuid().ToString();
}
