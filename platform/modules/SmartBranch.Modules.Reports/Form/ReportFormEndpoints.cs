using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>
/// <c>GET/POST /r/{tenant}/{env}/reports/new</c>: the report form (LIFF), the alternative to the chat. Posting the form
/// checks it (storing a chosen photo) and shows the confirmation; posting the confirmation files the case once per
/// submission key and redirects to <c>reports/new/{key}</c>, the receipt, so that a reload or a second press never
/// files it again.
/// </summary>
internal static class ReportFormEndpoints
{
    public const string Page = "reports/new";
    public const string ScriptPath = "/r/assets/reports-form.js";
    public const string StyleSheetPath = "/r/assets/reports-form.css";

    /// <summary>Leaflet as the portal vendors it (decision 33), a static asset of this server.</summary>
    public const string LeafletScriptPath = "/_content/SmartBranch.Portal/lib/leaflet/leaflet.js";

    public const string LeafletStyleSheetPath = "/_content/SmartBranch.Portal/lib/leaflet/leaflet.css";

    /// <summary>Room for a photo from each of the two file fields and the other fields; a larger body is refused unread.</summary>
    private const long MaxRequestBytes = (2L * ImageReencoder.MaxUploadBytes) + (64 * 1024);

    public static void MapReportForm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(ReportFormAssets.Script, "text/javascript; charset=utf-8"));
        endpoints.MapGet(StyleSheetPath, () => Results.Text(ReportFormAssets.StyleSheet, "text/css; charset=utf-8"));
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}", ShowAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}/{{key:guid}}", ReceiptAsync);

        // Anti-forgery is checked below, so that a stale form comes back filled in rather than as a bare 400.
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Page}", PostAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ShowAsync(
        HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ReportForm reports, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, ReportFormText.Title);
        }

        return await RefusalAsync(tenant, lineUserId, reports, http.RequestAborted)
            ?? Form(http, tenant, antiforgery, reports, ReportFormValues.Empty, null, [], NewSubmissionKey(), notice: null);
    }

    private static async Task<IResult> PostAsync(
        HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ReportForm reports, IAntiforgery antiforgery)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxRequestBytes;
        }

        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, ReportFormText.Title);
        }

        if (await RefusalAsync(tenant, lineUserId, reports, http.RequestAborted) is { } refusal)
        {
            return refusal;
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return ResidentPage.Error(StatusCodes.Status413PayloadTooLarge, ReportFormText.TooLargeTitle, ReportFormText.TooLarge, tenant.Environment.Line);
        }

        var values = ReportFormValues.Read(form);
        var submissionKey = Guid.TryParse(form[ReportFormHtml.SubmissionField], out var key) ? key.ToString() : NewSubmissionKey();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, tenant, antiforgery, reports, values, reports.PhotoOf(lineUserId, values), [], submissionKey, ReportFormText.Expired);
        }

        var step = form[ReportFormHtml.StepField].ToString();
        if (step == ReportFormHtml.EditStep)
        {
            return Form(http, tenant, antiforgery, reports, values, reports.PhotoOf(lineUserId, values), [], submissionKey, notice: null);
        }

        // A photo is chosen on the form; the confirmation carries the one already stored.
        var upload = step == ReportFormHtml.SubmitStep ? null : form.Files.GetFiles(ReportFormHtml.PhotoField).FirstOrDefault(f => f.Length > 0);
        var check = await reports.CheckAsync(lineUserId, values, upload, http.RequestAborted);
        if (check.Report is null)
        {
            return Form(http, tenant, antiforgery, reports, check.Values, check.Photo, check.Errors, submissionKey, notice: null, StatusCodes.Status400BadRequest);
        }

        if (step != ReportFormHtml.SubmitStep)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var post = new ReportFormPost(PathOf(tenant), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
            return Shown(tenant, $"{ReportFormText.ConfirmTitle} | {ReportFormText.Title}", ReportFormHtml.Confirmation(Setting(tenant, reports), check.Values, check.Report, post));
        }

        await reports.SubmitAsync(lineUserId, submissionKey, check.Report, http.RequestAborted);

        // Post/redirect/get: a reload shows the receipt, never a second report.
        return Results.Redirect($"{PathOf(tenant)}/{submissionKey}");
    }

    private static async Task<IResult> ReceiptAsync(
        Guid key, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ReportForm reports)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, ReportFormText.Title);
        }

        if (await reports.FindAsync(lineUserId, key.ToString(), http.RequestAborted) is not { } report)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, ReportFormText.Title, ReportFormText.ReceiptNotFound, tenant.Environment.Line);
        }

        var roadManager = reports.Catalog.RoadManager(report.RoadManagerKey) is { } manager && report.Road is { } road ? new Catalog.RoadManagerMatch(manager, road) : null;
        return Shown(tenant, ReportFormText.ReceivedTitle, ReportFormHtml.Received(report.ReceiptNumber, roadManager));
    }

    /// <summary>The page that says why the resident cannot report here, or null when they can.</summary>
    private static async Task<IResult?> RefusalAsync(TenantContext tenant, string lineUserId, ReportForm reports, CancellationToken cancellationToken)
    {
        var line = tenant.Environment.Line;
        if (reports.Catalog.Categories.Count == 0)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, ReportFormText.Title, ReportFormText.NotOffered, line);
        }

        return await reports.IsFriendAsync(lineUserId, cancellationToken)
            ? null
            : ResidentPage.Error(StatusCodes.Status403Forbidden, ReportFormText.Title, ReportFormText.NotFriend, line);
    }

    private static ResidentPage Form(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, ReportForm reports, ReportFormValues values, StoredReportPhoto? photo,
        IReadOnlyList<ReportFormError> errors, string submissionKey, string? notice, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var post = new ReportFormPost(PathOf(tenant), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
        var body = ReportFormHtml.Form(Setting(tenant, reports), values, photo, errors, post, notice);

        // The title is what a screen reader announces first: it says when something needs fixing.
        var title = errors.Count > 0 ? $"{ReportFormText.ErrorSummary} | {ReportFormText.Title}" : ReportFormText.Title;
        return new ResidentPage(status, "ja", title, body, tenant.Environment.Line, [LeafletScriptPath, ScriptPath])
        {
            StyleSheets = [LeafletStyleSheetPath, StyleSheetPath],
        };
    }

    private static ResidentPage Shown(TenantContext tenant, string title, string body) =>
        new(StatusCodes.Status200OK, "ja", title, body, tenant.Environment.Line, [ScriptPath]) { StyleSheets = [StyleSheetPath] };

    private static ReportFormSetting Setting(TenantContext tenant, ReportForm reports)
    {
        return new ReportFormSetting(
            reports.Catalog,
            photoId => new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Preview(photoId)).ServedPath);
    }

    private static string PathOf(TenantContext tenant) => $"{ResidentSessions.BasePath(tenant)}/{Page}";

    private static string NewSubmissionKey() => Guid.NewGuid().ToString();
}
