using System.Globalization;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.SurveyResults;

/// <summary>The results page's addresses.</summary>
public static class SurveyResultsPaths
{
    public const string Route = "/portal/{tenant}/surveys/{surveyId:guid}/results";

    public static string Results(string tenantSlug, Guid surveyId) => PortalRoutes.TenantPage(tenantSlug, $"surveys/{surveyId}/results");

    /// <summary>The answers as CSV (posted, with <c>encoding</c>).</summary>
    public static string Export(string tenantSlug, Guid surveyId) => $"{Results(tenantSlug, surveyId)}/export";

    /// <summary>One image of an answer, or its preview.</summary>
    public static string Image(string tenantSlug, Guid surveyId, Guid responseId, string imageId, bool preview) =>
        $"{Results(tenantSlug, surveyId)}/responses/{responseId}/images/{Uri.EscapeDataString(imageId)}" + (preview ? "?preview=true" : "");

    /// <summary>One listed question's answers, a page of them, optionally searched.</summary>
    public static string Answers(string tenantSlug, Guid surveyId, string questionKey, string? search, int page) =>
        $"{Results(tenantSlug, surveyId)}?answers={Uri.EscapeDataString(questionKey)}"
        + (string.IsNullOrWhiteSpace(search) ? "" : $"&search={Uri.EscapeDataString(search)}")
        + (page > 1 ? string.Create(CultureInfo.InvariantCulture, $"&page={page}") : "")
        + "#survey-answers";
}
