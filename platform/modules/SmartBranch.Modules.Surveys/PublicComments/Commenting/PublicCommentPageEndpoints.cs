using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Commenting;

/// <summary>
/// The residents' public comment pages. <c>GET/POST /r/{tenant}/{env}/comments/{id}</c> (LIFF sign-in): the case, its
/// documents and the opinion form, drawn and checked by the survey page's engine, with a confirmation step and a
/// post/redirect/get thank-you. Without sign-in: the documents (<c>…/documents/{documentId}</c>) of any announced
/// case, and the published result (<c>…/result</c>), which holds no personal data.
/// </summary>
internal static class PublicCommentPageEndpoints
{
    public static void MapPublicCommentPages(this IEndpointRouteBuilder endpoints)
    {
        var casePage = $"/r/{{tenant}}/{{env}}/{PublicCommentPaths.Segment}/{{id:guid}}";
        endpoints.MapGet(casePage, ShowAsync);

        // Anti-forgery is checked below, so that a stale form comes back filled in rather than as a bare 400.
        endpoints.MapPost(casePage, PostAsync).DisableAntiforgery();
        endpoints.MapGet($"{casePage}/result", ResultAsync);
        endpoints.MapGet($"{casePage}/documents/{{documentId:guid}}", DocumentAsync);
    }

    private static string PathOf(TenantContext tenant, Guid caseId) => $"{ResidentSessions.BasePath(tenant)}/{PublicCommentPaths.CasePage(caseId)}";

    private static async Task<IResult> ShowAsync(
        Guid id, bool? done, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        PublicCommenting commenting, IResidentFriends friends, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, PublicCommentText.PageTitle);
        }

        var (found, refusal) = await OpenAsync(id, tenant, lineUserId, commenting, friends, http.RequestAborted);
        if (done == true && found is not null)
        {
            return Page(tenant, PublicCommentText.DoneTitle, SurveyPageHtml.Message(PublicCommentText.DoneTitle, PublicCommentText.Done, DraftKey(tenant, found.Case)));
        }

        return refusal ?? Form(http, tenant, antiforgery, found!, new Dictionary<string, IReadOnlyList<string>>(), [], SurveyPagePosted.NewSubmissionKey(), restoreDraft: true, notice: null);
    }

    private static async Task<IResult> PostAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        PublicCommenting commenting, IResidentFriends friends, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, PublicCommentText.PageTitle);
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var (found, refusal) = await OpenAsync(id, tenant, lineUserId, commenting, friends, http.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var (given, submissionKey, step, _) = await SurveyPagePosted.ReadAsync(http.Request);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, tenant, antiforgery, found!, given, [], submissionKey, restoreDraft: false, notice: SurveyPageText.Expired);
        }

        if (step == SurveyPageHtml.EditStep)
        {
            return Form(http, tenant, antiforgery, found!, given, [], submissionKey, restoreDraft: false, notice: null);
        }

        var @case = found!.Case;
        var (entry, check) = PublicCommentOpinionForm.Check(@case.IdentityFields, given);
        if (entry is null)
        {
            return Form(http, tenant, antiforgery, found, given, check.Errors, submissionKey, restoreDraft: false, notice: null, StatusCodes.Status400BadRequest);
        }

        if (step != SurveyPageHtml.SubmitStep)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var post = new SurveyPagePost(PathOf(tenant, id), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
            return Page(tenant, $"{SurveyPageText.ConfirmTitle} | {@case.Title}",
                SurveyPageHtml.Confirmation(@case.Title, PublicCommentOpinionForm.For(@case.IdentityFields), check.Answers, post, DraftKey(tenant, @case)));
        }

        return await commenting.SubmitAsync(@case, lineUserId, submissionKey, entry, http.RequestAborted) switch
        {
            PublicCommentSubmissionOutcome.AlreadyReceived => Page(tenant, @case.Title,
                SurveyPageHtml.Message(@case.Title, PublicCommentText.AlreadyReceived, DraftKey(tenant, @case))),

            // Post/redirect/get: a reload shows the thank-you, never a second submission.
            _ => Results.Redirect($"{PathOf(tenant, id)}?done=true"),
        };
    }

    private static async Task<IResult> ResultAsync(Guid id, HttpContext http, ICurrentTenant currentTenant, PublicCommenting commenting)
    {
        var tenant = currentTenant.Required;
        var found = await commenting.FindAsync(id, http.RequestAborted);
        if (found is null)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, PublicCommentText.PageTitle, PublicCommentText.NotFound, tenant.Environment.Line);
        }

        if (found.Case.State != PublicCommentState.Published)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, found.Case.Title, PublicCommentText.ResultNotPublished, tenant.Environment.Line);
        }

        var count = await commenting.OpinionCountAsync(id, http.RequestAborted);
        return ResidentPage.Ok("ja", $"{PublicCommentText.ResultTitle} | {found.Case.Title}",
            PublicCommentPageHtml.Result(found, count, ResidentSessions.BasePath(tenant)), tenant.Environment.Line);
    }

    private static async Task<IResult> DocumentAsync(Guid id, Guid documentId, HttpContext http, ICurrentTenant currentTenant, PublicCommenting commenting, IMediaStore store)
    {
        var tenant = currentTenant.Required;
        var document = (await commenting.FindAsync(id, http.RequestAborted))?.Documents.FirstOrDefault(d => d.Id == documentId);
        var content = document is null ? null : await store.OpenReadAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, document.MediaFileName), http.RequestAborted);
        if (content is null)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, PublicCommentText.PageTitle, PublicCommentText.NotFound, tenant.Environment.Line);
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"{document!.Title}.pdf");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(content, Desk.PublicCommentDocuments.ContentType);
    }

    /// <summary>The case, or the page that says why the resident cannot send an opinion on it.</summary>
    private static async Task<(PublicCommentForResident? Found, IResult? Refusal)> OpenAsync(
        Guid id, TenantContext tenant, string lineUserId, PublicCommenting commenting, IResidentFriends friends, CancellationToken cancellationToken)
    {
        var found = await commenting.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return (null, Refused(tenant, StatusCodes.Status404NotFound, SurveyPageHtml.Message(PublicCommentText.PageTitle, PublicCommentText.NotFound, null, isError: true)));
        }

        var @case = found.Case;
        if (!await friends.IsFriendAsync(lineUserId, cancellationToken))
        {
            return (found, Refused(tenant, StatusCodes.Status403Forbidden, SurveyPageHtml.Message(@case.Title, PublicCommentText.NotFriend, null, isError: true)));
        }

        return @case.AvailabilityAt(commenting.Now) switch
        {
            PublicCommentAvailability.NotYetOpen => (found, Refused(tenant, StatusCodes.Status403Forbidden,
                PublicCommentPageHtml.Header(found, ResidentSessions.BasePath(tenant)) + PublicCommentPageHtml.Notice(PublicCommentText.NotYetOpen(@case.OpensAt)))),
            PublicCommentAvailability.Open => (found, null),
            _ => (found, Refused(tenant, StatusCodes.Status410Gone, PublicCommentPageHtml.Closed(@case, ResidentSessions.BasePath(tenant)))),
        };
    }

    private static ResidentPage Form(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, PublicCommentForResident found, IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        IReadOnlyList<SurveyAnswerError> errors, string submissionKey, bool restoreDraft, string? notice, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var post = new SurveyPagePost(PathOf(tenant, found.Case.Id), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
        var body = PublicCommentPageHtml.Header(found, ResidentSessions.BasePath(tenant))
            + SurveyPageHtml.Form(PublicCommentOpinionForm.For(found.Case.IdentityFields), values, errors, post, DraftKey(tenant, found.Case), restoreDraft, notice);
        return new ResidentPage(status, "ja", found.Case.Title, body, tenant.Environment.Line, [SurveyPageEndpoints.ScriptPath]);
    }

    private static ResidentPage Page(TenantContext tenant, string title, string body) =>
        new(StatusCodes.Status200OK, "ja", title, body, tenant.Environment.Line, [SurveyPageEndpoints.ScriptPath]);

    private static ResidentPage Refused(TenantContext tenant, int status, string body) =>
        new(status, "ja", PublicCommentText.PageTitle, body, tenant.Environment.Line, []);

    private static string DraftKey(TenantContext tenant, PublicCommentCase @case) => PublicCommentPageHtml.DraftKey(tenant.TenantSlug, tenant.EnvironmentName, @case.Id);
}
