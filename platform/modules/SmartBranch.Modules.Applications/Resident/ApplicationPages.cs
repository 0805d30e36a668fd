using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Jpki;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.Resident;

/// <summary>
/// The resident's pages (LIFF), <c>/r/{tenant}/{env}/applications…</c>: the list, then one address per application
/// that shows the step it is at (form, review and signature, payment, receipt), so that leaving and coming back
/// resumes there. Posts carry a step; after each one the resident is sent on (post/redirect/get), so a reload never
/// repeats it. The card's signing and the payment happen at their providers, which send the resident back here.
/// </summary>
internal static class ApplicationPages
{
    public const string Page = "applications";
    public const string PaidQuery = "paid";
    public const string ScriptPath = "/r/assets/applications.js";
    public const string StyleSheetPath = "/r/assets/applications.css";

    private static readonly string Script = EmbeddedAsset.Read(typeof(ApplicationPages).Assembly, "SmartBranch.Modules.Applications.Assets.applications.js");
    private static readonly string StyleSheet = EmbeddedAsset.Read(typeof(ApplicationPages).Assembly, "SmartBranch.Modules.Applications.Assets.applications.css");

    public static void MapApplicationPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(Script, "text/javascript; charset=utf-8"));
        endpoints.MapGet(StyleSheetPath, () => Results.Text(StyleSheet, "text/css; charset=utf-8"));
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}", IndexAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}/{{id:guid}}", ShowAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}/{{id:guid}}/signed", SignedAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}/{{id:guid}}/status", StatusAsync);

        // Anti-forgery is checked in the handlers, so that a stale form comes back filled in rather than as a bare 400.
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Page}", StartAsync).DisableAntiforgery();
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Page}/{{id:guid}}", PostAsync).DisableAntiforgery();
    }

    private static async Task<IResult> IndexAsync(HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        var (visitor, refusal) = await VisitAsync(http, tenant, sessions, signIn, flow);
        if (visitor is not var (lineUserId, catalog))
        {
            return refusal!;
        }

        var applications = await flow.OfAsync(lineUserId, http.RequestAborted);
        return Shown(tenant, ApplicationPageText.Title, ApplicationPageHtml.Index(catalog, applications, Post(http, antiforgery, IndexPath(tenant)), id => PathOf(tenant, id)));
    }

    private static async Task<IResult> StartAsync(HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        var (visitor, refusal) = await VisitAsync(http, tenant, sessions, signIn, flow);
        if (visitor is not var (lineUserId, catalog))
        {
            return refusal!;
        }

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Redirect(IndexPath(tenant));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (catalog.Type(form[ApplicationPageHtml.TypeField].ToString()) is not { } type)
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.TypeWithdrawn);
        }

        var submissionKey = Guid.TryParse(form[ApplicationPageHtml.SubmissionField], out var key) ? key.ToString() : Guid.NewGuid().ToString();
        var application = await flow.StartAsync(lineUserId, type, submissionKey, http.RequestAborted);
        return Results.Redirect(PathOf(tenant, application.Id));
    }

    private static async Task<IResult> ShowAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        var (visitor, refusal) = await VisitAsync(http, tenant, sessions, signIn, flow);
        if (visitor is not var (lineUserId, catalog))
        {
            return refusal!;
        }

        if (await flow.FindAsync(lineUserId, id, http.RequestAborted) is not { } application)
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.NotFound);
        }

        var waiting = http.Request.Query.ContainsKey(PaidQuery);
        return Step(http, tenant, antiforgery, flow, catalog, application, waiting, refusal: null, notice: null);
    }

    private static async Task<IResult> PostAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        var (visitor, refusal) = await VisitAsync(http, tenant, sessions, signIn, flow);
        if (visitor is not var (lineUserId, catalog))
        {
            return refusal!;
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (await flow.FindAsync(lineUserId, id, http.RequestAborted) is not { } application)
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.NotFound);
        }

        if (catalog.Type(application.TypeKey) is not { } type)
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.TypeWithdrawn);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var step = form[ApplicationPageHtml.StepField].ToString();
        var valid = await antiforgery.IsRequestValidAsync(http);
        if (step is ApplicationPageHtml.SaveStep or ApplicationPageHtml.ReviewStep && application.Status == ApplicationStatus.Draft)
        {
            var values = ApplicationFormValues.Read(form);
            if (!valid)
            {
                return step == ApplicationPageHtml.SaveStep
                    ? Results.BadRequest()
                    : FormPage(http, tenant, antiforgery, flow, catalog, type, application, values, [], ApplicationPageText.Expired, StatusCodes.Status400BadRequest);
            }

            var check = await flow.SaveDraftAsync(application, type, values, http.RequestAborted);
            if (step == ApplicationPageHtml.SaveStep)
            {
                return Results.NoContent();
            }

            return check.IsComplete
                ? ReviewPage(http, tenant, antiforgery, catalog, type, application, check.Data, refusal: null)
                : FormPage(http, tenant, antiforgery, flow, catalog, type, application, ApplicationFormValues.Read(form), check.Errors, null, StatusCodes.Status400BadRequest);
        }

        if (!valid)
        {
            return Step(http, tenant, antiforgery, flow, catalog, application, waiting: false, refusal: null, ApplicationPageText.Expired);
        }

        switch (step)
        {
            case ApplicationPageHtml.SignStep:
                try
                {
                    return Onward(tenant, ApplicationPageText.Sign, await flow.SignAsync(lineUserId, id, http.RequestAborted));
                }
                catch (ApplicationRuleException e)
                {
                    return await RefusedAsync(e.Message);
                }
                catch (JpkiProviderException)
                {
                    return await RefusedAsync(ApplicationPageText.SigningUnavailable);
                }

            case ApplicationPageHtml.EditStep when application.Status == ApplicationStatus.AwaitingSignature:
                await flow.ReturnToDraftAsync(application, http.RequestAborted);
                break;

            case ApplicationPageHtml.PayStep when application.Status == ApplicationStatus.AwaitingPayment:
                try
                {
                    return Onward(tenant, ApplicationPageText.Pay, await flow.PayAsync(application, type, http.RequestAborted));
                }
                catch (PaymentUnavailableException)
                {
                    return Step(http, tenant, antiforgery, flow, catalog, application, waiting: false, refusal: null, ApplicationPageText.PaymentUnavailable);
                }
                catch (Exception e) when (e is InvalidOperationException or ApplicationRuleException)
                {
                    // Already paid (a second press or another tab): the page shows where the application is.
                    break;
                }
        }

        return Results.Redirect(PathOf(tenant, id));

        async Task<IResult> RefusedAsync(string message)
        {
            var current = await flow.FindAsync(lineUserId, id, http.RequestAborted) ?? application;
            return Step(http, tenant, antiforgery, flow, catalog, current, waiting: false, refusal: null, message);
        }
    }

    private static async Task<IResult> SignedAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, ApplicationPageText.Title);
        }

        var catalog = await flow.CatalogAsync(http.RequestAborted);
        if (await flow.FindAsync(lineUserId, id, http.RequestAborted) is not { } application)
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.NotFound);
        }

        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var result = await flow.CompleteSigningAsync(application, query, http.RequestAborted);
        return result.Refusal is { } refusal
            ? Step(http, tenant, antiforgery, flow, catalog, application, waiting: false, refusal, notice: null)
            : Results.Redirect(PathOf(tenant, id));
    }

    /// <summary>Where the application is, for the page that waits for the payment.</summary>
    private static async Task<IResult> StatusAsync(Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentApplicationFlow flow)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId || await flow.FindAsync(lineUserId, id, http.RequestAborted) is not { } application)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { status = application.Status.ToString() });
    }

    private static ResidentPage Step(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, ResidentApplicationFlow flow, ApplicationCatalog catalog, ResidentApplication application,
        bool waiting, string? refusal, string? notice)
    {
        var type = catalog.Type(application.TypeKey);
        if (type is null && application.Status.IsWithResident())
        {
            return Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.TypeWithdrawn);
        }

        var amount = type is null ? null : ResidentApplicationFlow.AmountOf(application, catalog, type);
        switch (application.Status)
        {
            case ApplicationStatus.Draft:
                return FormPage(http, tenant, antiforgery, flow, catalog, type!, application, ApplicationFormValues.Of(flow.FormOf(application), application), [], notice);
            case ApplicationStatus.AwaitingSignature:
                var lastRefusal = refusal ?? notice ?? (application.VerificationOutcome is { } outcome && outcome != JpkiVerificationOutcome.Verified
                    ? ApplicationPageText.VerificationRefused(outcome)
                    : null);
                return ReviewPage(http, tenant, antiforgery, catalog, type!, application, flow.FormOf(application), lastRefusal);
            case ApplicationStatus.AwaitingPayment:
                var post = Post(http, antiforgery, PathOf(tenant, application.Id));
                return Shown(tenant, $"{ApplicationPageText.PaymentTitle} | {ApplicationPageText.Title}",
                    ApplicationPageHtml.Payment(catalog, type!, application, amount!, post, waiting, $"{PathOf(tenant, application.Id)}/status", notice));
            default:
                return Shown(tenant, $"{ApplicationPageText.ReceivedHeading(application.Status)} | {ApplicationPageText.Title}",
                    ApplicationPageHtml.Received(catalog, type, application, amount, IndexPath(tenant)));
        }
    }

    private static ResidentPage FormPage(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, ResidentApplicationFlow flow, ApplicationCatalog catalog, ApplicationType type,
        ResidentApplication application, ApplicationFormValues values, IReadOnlyList<ApplicationFormError> errors, string? notice, int status = StatusCodes.Status200OK)
    {
        var body = ApplicationPageHtml.Form(catalog, type, values, errors, Post(http, antiforgery, PathOf(tenant, application.Id)), tenant.Tenant.Name, flow.Today, notice);

        // The title is what a screen reader announces first: it says when something needs fixing.
        var title = errors.Count > 0 ? $"{ApplicationPageText.ErrorSummary} | {type.NameJa}" : $"{type.NameJa} | {ApplicationPageText.Title}";
        return new ResidentPage(status, "ja", title, body, tenant.Environment.Line, [ScriptPath]) { StyleSheets = [StyleSheetPath] };
    }

    private static ResidentPage ReviewPage(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, ApplicationCatalog catalog, ApplicationType type, ResidentApplication application,
        ApplicationFormData form, string? refusal)
    {
        var amount = ResidentApplicationFlow.AmountOf(application, catalog, type)
            ?? throw new InvalidOperationException("A complete application has an amount.");
        var body = ApplicationPageHtml.Review(catalog, type, application, form, amount, Post(http, antiforgery, PathOf(tenant, application.Id)), refusal);
        return Shown(tenant, $"{ApplicationPageText.ReviewTitle} | {ApplicationPageText.Title}", body);
    }

    /// <summary>
    /// A page that follows the link to the signing provider or the gateway at once (a redirect after a post would be
    /// stopped by the page's <c>form-action</c> policy), or lets the resident follow it.
    /// </summary>
    private static ResidentPage Onward(TenantContext tenant, string label, Uri destination) => Shown(tenant, label,
        $"""<h1>{ResidentPage.Encode(label)}</h1><p><a class="button" id="onward" data-follow href="{ResidentPage.Encode(destination.AbsoluteUri)}">{ResidentPage.Encode(label)}</a></p>""");

    /// <summary>
    /// What every page but the signing provider's return begins with: the signed-in resident and the catalogue, or the
    /// page to show instead (sign-in; the city offers no applications; the resident is not the account's friend).
    /// </summary>
    private static async Task<(ApplicationVisitor? Visitor, IResult? Refusal)> VisitAsync(
        HttpContext http, TenantContext tenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentApplicationFlow flow)
    {
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return (null, signIn.Page(http, tenant, ApplicationPageText.Title));
        }

        var catalog = await flow.CatalogAsync(http.RequestAborted);
        if (catalog.Types.Count == 0)
        {
            return (null, Error(tenant, StatusCodes.Status404NotFound, ApplicationPageText.NotOffered));
        }

        return await flow.IsFriendAsync(lineUserId, http.RequestAborted)
            ? (new ApplicationVisitor(lineUserId, catalog), null)
            : (null, Error(tenant, StatusCodes.Status403Forbidden, ApplicationPageText.NotFriend));
    }

    private static ResidentPage Error(TenantContext tenant, int status, string message) =>
        ResidentPage.Error(status, ApplicationPageText.Title, message, tenant.Environment.Line);

    private static ResidentPage Shown(TenantContext tenant, string title, string body) =>
        new(StatusCodes.Status200OK, "ja", title, body, tenant.Environment.Line, [ScriptPath]) { StyleSheets = [StyleSheetPath] };

    private static ApplicationPagePost Post(HttpContext http, IAntiforgery antiforgery, string action)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new ApplicationPagePost(action, tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static string IndexPath(TenantContext tenant) => $"{ResidentSessions.BasePath(tenant)}/{Page}";

    private static string PathOf(TenantContext tenant, Guid id) => $"{IndexPath(tenant)}/{id}";
}

/// <summary>A resident signed in on the application pages, and the catalogue they apply from.</summary>
internal sealed record ApplicationVisitor(string LineUserId, ApplicationCatalog Catalog);
