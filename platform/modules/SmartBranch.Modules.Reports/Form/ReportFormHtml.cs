using System.Globalization;
using System.Text;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>Where the page's forms post, the anti-forgery token that goes with them, and the submission's key.</summary>
internal sealed record ReportFormPost(string Action, string AntiforgeryField, string AntiforgeryToken, string SubmissionKey);

/// <summary>What the page needs to draw the map and to show a stored photo.</summary>
/// <param name="PreviewUrlOf">The address of a stored photo's preview, by its id.</param>
internal sealed record ReportFormSetting(ReportCatalog Catalog, Func<string, string> PreviewUrlOf);

/// <summary>
/// The report form as HTML: one page with a fieldset per step (category, photo, place) and the comment, each error
/// under its step and tied to it with <c>aria-describedby</c>, a summary that links to each; then the confirmation
/// and the receipt. The map is <c>reports-form.js</c>'s addition: without it the latitude and longitude fields, which
/// are always there, give the place.
/// </summary>
internal static class ReportFormHtml
{
    public const string PhotoField = "photo";
    public const string StepField = "step";
    public const string SubmissionField = "submission";
    public const string ConfirmStep = "confirm";
    public const string EditStep = "edit";
    public const string SubmitStep = "submit";

    public static string Form(ReportFormSetting setting, ReportFormValues values, StoredReportPhoto? photo, IReadOnlyList<ReportFormError> errors, ReportFormPost post, string? notice)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ReportFormText.Title)}</h1>");
        Append(html, $"""<p>{E(ReportFormText.Lead)}</p>""");
        if (notice is not null)
        {
            Append(html, $"""<p class="notice" role="status">{E(notice)}</p>""");
        }

        if (errors.Count > 0)
        {
            Append(html, $"""<div class="notice notice-error" role="alert" id="errors"><p>{E(ReportFormText.ErrorSummary)}</p><ul>""");
            foreach (var error in errors)
            {
                Append(html, $"""<li><a href="#{Target(error.Field)}">{E(Legend(error.Field))}: {E(error.Message)}</a></li>""");
            }

            Append(html, "</ul></div>");
        }

        Append(html, $"""<form id="report-form" method="post" action="{E(post.Action)}" enctype="multipart/form-data" novalidate data-max-photo-bytes="{ImageReencoder.MaxUploadBytes}" data-photo-too-large="{E(ReportFormText.PhotoTooLarge)}">""");
        Hidden(html, post);
        Append(html, $"""<input type="hidden" name="{ReportFormValues.PhotoTokenField}" value="{E(values.PhotoToken)}">""");
        Category(html, setting.Catalog, values, Error(errors, ReportForm.CategoryStep));
        Photo(html, setting, photo, Error(errors, ReportForm.PhotoStep));
        Place(html, setting, values, Error(errors, ReportForm.PlaceStep));
        Comment(html, values, Error(errors, ReportForm.CommentStep));
        Append(html, $"""<button type="submit" name="{StepField}" value="{ConfirmStep}">{E(ReportFormText.Confirm)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    /// <summary>The report to check before sending, its values carried in hidden fields.</summary>
    public static string Confirmation(ReportFormSetting setting, ReportFormValues values, ReportFormReport report, ReportFormPost post)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ReportFormText.ConfirmTitle)}</h1>");
        Append(html, $"<p>{E(ReportFormText.ConfirmLead)}</p>");
        Append(html, """<dl class="report-facts">""");
        Fact(html, ReportFormText.CategoryFact, E(report.Category.NameJa));
        Fact(html, ReportFormText.PhotoFact, $"""<img class="report-photo" src="{E(setting.PreviewUrlOf(report.Photo.PhotoId))}" alt="{E(ReportFormText.PhotoKeptAlt)}">""");
        if (report.Photo.CapturedAt is { } captured)
        {
            Fact(html, ReportFormText.CapturedFact, E(JapanTime.Display(captured)));
        }

        Fact(html, ReportFormText.PlaceFact, E(ReportChatMessages.Place(null, report.Latitude, report.Longitude)));
        Fact(html, ReportFormText.CommentFact, E(report.Comment ?? ReportFormText.NoComment));
        if (report.RoadManager is { } roadManager)
        {
            Fact(html, ReportFormText.RoadManagerFact, E(ReportChatMessages.RoadManagerNotice(roadManager)));
        }

        Append(html, "</dl>");
        Append(html, $"""<form id="report-confirm" method="post" action="{E(post.Action)}">""");
        Hidden(html, post);
        foreach (var (name, value) in new[]
        {
            (ReportFormValues.CategoryField, values.Category),
            (ReportFormValues.LatitudeField, values.Latitude),
            (ReportFormValues.LongitudeField, values.Longitude),
            (ReportFormValues.CommentField, values.Comment),
            (ReportFormValues.PhotoTokenField, values.PhotoToken),
        })
        {
            Append(html, $"""<input type="hidden" name="{name}" value="{E(value)}">""");
        }

        Append(html, $"""<button type="submit" name="{StepField}" value="{SubmitStep}">{E(ReportFormText.Submit)}</button>""");
        Append(html, $"""<button type="submit" class="secondary" name="{StepField}" value="{EditStep}">{E(ReportFormText.Back)}</button>""");
        Append(html, "</form>");
        return html.ToString();
    }

    public static string Received(string receiptNumber, RoadManagerMatch? roadManager)
    {
        var html = new StringBuilder();
        Append(html, $"<h1>{E(ReportFormText.ReceivedTitle)}</h1>");
        Append(html, $"""<p class="notice notice-ok" role="status" id="report-receipt">{E(ReportFormText.Receipt(receiptNumber))}</p>""");
        Append(html, $"<p>{E(ReportFormText.ReceivedFollowUp)}</p>");
        if (roadManager is not null)
        {
            Append(html, $"""<p class="notice">{E(ReportChatMessages.RoadManagerNotice(roadManager))}</p>""");
        }

        return html.ToString();
    }

    private static void Category(StringBuilder html, ReportCatalog catalog, ReportFormValues values, string? error)
    {
        Append(html, $"""<fieldset id="report-category" tabindex="-1"{Aria(error is null ? null : "report-category-error", error)}>""");
        Append(html, $"<legend>{Title(ReportFormText.CategoryLegend, required: true)}</legend>");
        ErrorText(html, "report-category-error", error);
        foreach (var category in catalog.Categories)
        {
            var id = $"category-{category.Key}";
            var chosen = category.Key == values.Category ? " checked" : "";
            Append(html, $"""<div class="choice"><input type="radio" id="{E(id)}" name="{ReportFormValues.CategoryField}" value="{E(category.Key)}" required{chosen}><label for="{E(id)}">{E(category.NameJa)}</label></div>""");
        }

        Append(html, "</fieldset>");
    }

    private static void Photo(StringBuilder html, ReportFormSetting setting, StoredReportPhoto? photo, string? error)
    {
        var describedBy = error is null ? "report-photo-hint" : "report-photo-hint report-photo-error";
        Append(html, $"""<fieldset id="report-photo" tabindex="-1"{Aria(describedBy, error)}>""");
        Append(html, $"<legend>{Title(ReportFormText.PhotoLegend, required: true)}</legend>");
        Append(html, $"""<p class="question-hint" id="report-photo-hint">{E(ReportFormText.PhotoHint)}</p>""");
        if (photo is not null)
        {
            Append(html, $"""<figure class="report-photo-kept"><img class="report-photo" src="{E(setting.PreviewUrlOf(photo.PhotoId))}" alt="{E(ReportFormText.PhotoKeptAlt)}"><figcaption>{E(ReportFormText.PhotoKept)}</figcaption></figure>""");
        }

        ErrorText(html, "report-photo-error", error);
        var aria = $""" aria-describedby="{describedBy}"{(error is null ? "" : " aria-invalid=\"true\"")}""";
        Append(html, $"""<div class="field"><label class="question-label" for="photo-camera">{E(ReportFormText.TakePhoto)}</label><input type="file" id="photo-camera" name="{PhotoField}" accept="image/*" capture="environment"{aria}></div>""");
        Append(html, $"""<div class="field"><label class="question-label" for="photo-library">{E(ReportFormText.ChoosePhoto)}</label><input type="file" id="photo-library" name="{PhotoField}" accept="image/*"{aria}></div>""");
        Append(html, "</fieldset>");
    }

    private static void Place(StringBuilder html, ReportFormSetting setting, ReportFormValues values, string? error)
    {
        var describedBy = error is null ? "report-place-fallback" : "report-place-fallback report-place-error";
        Append(html, $"""<fieldset id="report-place" tabindex="-1"{Aria(null, error)}>""");
        Append(html, $"<legend>{Title(ReportFormText.PlaceLegend, required: true)}</legend>");
        var centre = setting.Catalog.Boundary?.Centre is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.Latitude:F5},{c.Longitude:F5},13") : "36.2,138.25,5";
        Append(html, $"""<div class="report-map-part" hidden><p class="question-hint" id="report-place-hint">{E(ReportFormText.PlaceHint)}</p>""");
        Append(html, $"""<div id="report-map" class="report-map" role="region" aria-label="{E(ReportFormText.MapLabel)}" aria-describedby="report-place-hint" data-tile-url="{E(setting.Catalog.Map.TileTemplate)}" data-attribution="{E(setting.Catalog.Map.Attribution)}" data-centre="{centre}" data-pinned-text="{E(ReportFormText.Pinned)}"></div>""");
        Append(html, $"""<button type="button" class="secondary" id="use-location" hidden data-locating="{E(ReportFormText.Locating)}" data-located="{E(ReportFormText.Located)}" data-failed="{E(ReportFormText.LocationFailed)}">{E(ReportFormText.UseLocation)}</button>""");
        Append(html, """<p id="place-status" class="question-hint" role="status" aria-live="polite"></p></div>""");
        Append(html, $"""<p class="question-hint" id="report-place-fallback">{E(ReportFormText.PlaceFallback)}</p>""");
        ErrorText(html, "report-place-error", error);
        var aria = $""" aria-describedby="{describedBy}"{(error is null ? "" : " aria-invalid=\"true\"")}""";
        Append(html, $"""<div class="field"><label class="question-label" for="latitude">{E(ReportFormText.Latitude)}</label><input type="text" inputmode="decimal" autocomplete="off" id="latitude" name="{ReportFormValues.LatitudeField}" value="{E(values.Latitude)}"{aria}></div>""");
        Append(html, $"""<div class="field"><label class="question-label" for="longitude">{E(ReportFormText.Longitude)}</label><input type="text" inputmode="decimal" autocomplete="off" id="longitude" name="{ReportFormValues.LongitudeField}" value="{E(values.Longitude)}"{aria}></div>""");
        Append(html, "</fieldset>");
    }

    private static void Comment(StringBuilder html, ReportFormValues values, string? error)
    {
        var describedBy = error is null ? "comment-hint" : "comment-hint comment-error";
        Append(html, """<div class="question">""");
        Append(html, $"""<label class="question-label" for="comment">{Title(ReportFormText.CommentLabel, required: false)}</label>""");
        Append(html, $"""<p class="question-hint" id="comment-hint">{E(ReportFormText.CommentHint)}</p>""");
        ErrorText(html, "comment-error", error);
        Append(html, $"""<textarea id="comment" name="{ReportFormValues.CommentField}" rows="5"{Aria(describedBy, error)}>{E(values.Comment)}</textarea>""");
        Append(html, "</div>");
    }

    private static void Hidden(StringBuilder html, ReportFormPost post)
    {
        Append(html, $"""<input type="hidden" name="{E(post.AntiforgeryField)}" value="{E(post.AntiforgeryToken)}">""");
        Append(html, $"""<input type="hidden" name="{SubmissionField}" value="{E(post.SubmissionKey)}">""");
    }

    private static void Fact(StringBuilder html, string term, string encodedDescription) =>
        Append(html, $"<dt>{E(term)}</dt><dd>{encodedDescription}</dd>");

    private static void ErrorText(StringBuilder html, string id, string? error)
    {
        if (error is not null)
        {
            Append(html, $"""<p class="field-error" id="{id}">{E(error)}</p>""");
        }
    }

    private static string? Error(IReadOnlyList<ReportFormError> errors, string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static string Aria(string? describedBy, string? error) =>
        (describedBy is null ? "" : $""" aria-describedby="{describedBy}" """.TrimEnd()) + (error is null ? "" : " aria-invalid=\"true\"");

    private static string Title(string text, bool required) =>
        $"""{E(text)} <span class="{(required ? "required" : "optional")}">（{(required ? ReportFormText.Required : ReportFormText.Optional)}）</span>""";

    /// <summary>The element an error's link moves to: the step's first field, so the resident can fix it at once.</summary>
    private static string Target(string field) => field switch
    {
        ReportForm.CategoryStep => "report-category",
        ReportForm.PhotoStep => "photo-camera",
        ReportForm.PlaceStep => "latitude",
        _ => "comment",
    };

    private static string Legend(string field) => field switch
    {
        ReportForm.CategoryStep => ReportFormText.CategoryLegend,
        ReportForm.PhotoStep => ReportFormText.PhotoLegend,
        ReportForm.PlaceStep => ReportFormText.PlaceLegend,
        _ => ReportFormText.CommentLabel,
    };

    private static string E(string text) => ResidentPage.Encode(text);

    private static void Append(StringBuilder html, string part) => html.Append(part).Append('\n');
}
