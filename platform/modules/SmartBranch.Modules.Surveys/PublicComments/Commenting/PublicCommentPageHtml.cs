using System.Text;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Commenting;

/// <summary>
/// The parts of the public comment pages that are not the survey form: a case's header (department, period,
/// documents, how personal data is used) and the public result page. The form itself is the survey page's.
/// </summary>
internal static class PublicCommentPageHtml
{
    public static string DraftKey(string tenant, string environment, Guid caseId) => $"smartbranch:comment:{tenant}:{environment}:{caseId}";

    /// <param name="basePath">The tenant environment's <c>/r/{tenant}/{env}</c>.</param>
    public static string Header(PublicCommentForResident found, string basePath)
    {
        var @case = found.Case;
        var html = new StringBuilder();
        Append(html, $"<h1>{E(@case.Title)}</h1>");
        Append(html, $"""<p class="survey-description">{E(PublicCommentText.Lead)}</p>""");
        Append(html, """<ul class="survey-facts">""");
        Append(html, $"<li>{E(PublicCommentText.Department(@case.Department))}</li>");
        Append(html, $"""<li id="comment-period">{E(PublicCommentText.Period(@case.OpensAt, @case.ClosesAt))}</li>""");
        Append(html, "</ul>");
        Paragraphs(html, @case.Description, "survey-description");
        Documents(html, found, basePath);
        Append(html, $"""<p class="notice" id="comment-privacy">{E(PublicCommentText.Privacy)}</p>""");
        return html.ToString();
    }

    /// <summary>The published result: the case, its documents, and 意見の概要と市の考え方. Nothing about any sender.</summary>
    public static string Result(PublicCommentForResident found, int opinionCount, string basePath)
    {
        var @case = found.Case;
        var html = new StringBuilder();
        Append(html, $"<h1>{E(@case.Title)}</h1>");
        Append(html, $"""<p class="survey-title">{E(PublicCommentText.ResultTitle)}</p>""");
        Append(html, """<ul class="survey-facts">""");
        Append(html, $"<li>{E(PublicCommentText.Department(@case.Department))}</li>");
        Append(html, $"<li>{E(PublicCommentText.Period(@case.OpensAt, @case.ClosesAt))}</li>");
        Append(html, $"""<li id="result-count">{E(PublicCommentText.OpinionCount(opinionCount))}</li>""");
        Append(html, $"<li>{E(PublicCommentText.PublishedAt(@case.PublishedAt!.Value))}</li>");
        Append(html, "</ul>");
        Documents(html, found, basePath);
        Append(html, $"""<section id="result-summary"><h2>{E(PublicCommentText.OpinionSummary)}</h2>""");
        Paragraphs(html, @case.OpinionSummary, null);
        Append(html, "</section>");
        Append(html, $"""<section id="result-response"><h2>{E(PublicCommentText.CityResponse)}</h2>""");
        Paragraphs(html, @case.CityResponse, null);
        Append(html, "</section>");
        return html.ToString();
    }

    /// <summary>A closed case: says so, and links to the result once it is public.</summary>
    public static string Closed(PublicCommentCase @case, string basePath)
    {
        if (@case.State != PublicCommentState.Published)
        {
            return Message(@case.Title, PublicCommentText.Closed);
        }

        return Message(@case.Title, PublicCommentText.ClosedWithResult)
            + $"""<p><a id="result-link" href="{E($"{basePath}/{PublicCommentPaths.ResultPage(@case.Id)}")}">{E(PublicCommentText.SeeResult)}</a></p>""";
    }

    /// <summary>Why no opinion can be sent, under a case's header.</summary>
    public static string Notice(string message) => $"""<p class="notice notice-error" role="alert" id="survey-message">{E(message)}</p>""";

    private static string Message(string title, string message) => $"<h1>{E(title)}</h1>{Notice(message)}";

    private static void Documents(StringBuilder html, PublicCommentForResident found, string basePath)
    {
        Append(html, $"""<section id="comment-documents"><h2>{E(PublicCommentText.Documents)}</h2>""");
        if (found.Documents.Count == 0)
        {
            Append(html, $"<p>{E(PublicCommentText.NoDocuments)}</p>");
        }
        else
        {
            Append(html, "<ul>");
            foreach (var document in found.Documents)
            {
                var href = $"{basePath}/{PublicCommentPaths.Document(found.Case.Id, document.Id)}";
                Append(html, $"""<li><a href="{E(href)}" type="application/pdf">{E(PublicCommentText.DocumentLink(document.Title, document.SizeBytes))}</a></li>""");
            }

            Append(html, "</ul>");
        }

        Append(html, "</section>");
    }

    // Line breaks staff typed are kept as paragraphs; the shared style sheet has no pre-wrap and inline styles are refused.
    private static void Paragraphs(StringBuilder html, string? text, string? cssClass)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var attribute = cssClass is null ? "" : $" class=\"{cssClass}\"";
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0))
        {
            Append(html, $"<p{attribute}>{E(line)}</p>");
        }
    }

    private static string E(string text) => ResidentPage.Encode(text);

    private static void Append(StringBuilder html, string part) => html.Append(part).Append('\n');
}
