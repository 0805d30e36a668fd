using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>
/// <c>GET/POST /r/{tenant}/{env}/surveys/{id}</c>: a survey as a resident answers it in LINE (LIFF). Posting the form
/// checks it and shows the confirmation; posting the confirmation stores the answer once and redirects to the
/// thank-you, so a reload never sends it again.
/// </summary>
internal static class SurveyPageEndpoints
{
    public const string Segment = "surveys";
    public const string ScriptPath = "/r/assets/surveys.js";

    public static void MapSurveyPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(SurveyPageScript.Source, "text/javascript; charset=utf-8"));
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Segment}/{{id:guid}}", ShowAsync);

        // Anti-forgery is checked below, so that a stale form comes back filled in rather than as a bare 400.
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Segment}/{{id:guid}}", PostAsync).DisableAntiforgery();
    }

    public static string PathOf(TenantContext tenant, Guid surveyId) => $"{ResidentSessions.BasePath(tenant)}/{Segment}/{surveyId}";

    private static async Task<IResult> ShowAsync(
        Guid id, bool? done, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        SurveyAnswering answering, IResidentFriends friends, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, SurveyPageText.PageTitle);
        }

        var (found, refusal) = await OpenAsync(id, tenant, lineUserId, answering, friends, http.RequestAborted);
        if (done == true && found is not null)
        {
            return Page(tenant, SurveyPageText.DoneTitle, SurveyPageHtml.Message(SurveyPageText.DoneTitle, SurveyPageText.Done, DraftKey(tenant, found.Survey)));
        }

        if (refusal is not null)
        {
            return refusal;
        }

        var survey = found!.Survey;
        var earlier = await answering.EditableAnswersAsync(survey, lineUserId, http.RequestAborted);
        if (earlier is null && await answering.HasAnsweredAsync(survey, lineUserId, http.RequestAborted))
        {
            return Refused(tenant, StatusCodes.Status409Conflict, survey.Title, SurveyPageText.AlreadyAnswered);
        }

        return Form(http, tenant, antiforgery, found, earlier ?? new Dictionary<string, IReadOnlyList<string>>(), [], SurveyPagePosted.NewSubmissionKey(),
            restoreDraft: earlier is null, notice: earlier is null ? null : SurveyPageText.EditingEarlier);
    }

    private static async Task<IResult> PostAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        SurveyAnswering answering, IResidentFriends friends, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, SurveyPageText.PageTitle);
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var (found, refusal) = await OpenAsync(id, tenant, lineUserId, answering, friends, http.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var survey = found!.Survey;
        if (!survey.EditableUntilClose && await answering.HasAnsweredAsync(survey, lineUserId, http.RequestAborted))
        {
            return Refused(tenant, StatusCodes.Status409Conflict, survey.Title, SurveyPageText.AlreadyAnswered);
        }

        var (given, submissionKey, step) = await SurveyPagePosted.ReadAsync(http.Request);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, tenant, antiforgery, found!, given, [], submissionKey, restoreDraft: false, notice: SurveyPageText.Expired);
        }

        if (step == SurveyPageHtml.EditStep)
        {
            return Form(http, tenant, antiforgery, found!, given, [], submissionKey, restoreDraft: false, notice: null);
        }

        var check = SurveyAnswerRules.Check(found!.Form, given);
        if (!check.IsValid)
        {
            return Form(http, tenant, antiforgery, found, given, check.Errors, submissionKey, restoreDraft: false, notice: null, StatusCodes.Status400BadRequest);
        }

        if (step != SurveyPageHtml.SubmitStep)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var post = new SurveyPagePost(PathOf(tenant, id), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
            return Page(tenant, $"{SurveyPageText.ConfirmTitle} | {found.Survey.Title}",
                SurveyPageHtml.Confirmation(found.Survey, found.Form, check.Answers, post, DraftKey(tenant, found.Survey)));
        }

        return await answering.SubmitAsync(found.Survey, lineUserId, submissionKey, check.Answers, http.RequestAborted) switch
        {
            SurveySubmissionOutcome.AlreadyReceived => Page(tenant, found.Survey.Title,
                SurveyPageHtml.Message(found.Survey.Title, SurveyPageText.AlreadyReceived, DraftKey(tenant, found.Survey))),
            SurveySubmissionOutcome.AlreadyAnswered => Refused(tenant, StatusCodes.Status409Conflict, found.Survey.Title, SurveyPageText.AlreadyAnswered),

            // Post/redirect/get: a reload shows the thank-you, never a second submission.
            _ => Results.Redirect($"{PathOf(tenant, id)}?done=true"),
        };
    }

    /// <summary>The survey, or the page that says why the resident cannot answer it.</summary>
    private static async Task<(SurveyForResident? Found, IResult? Refusal)> OpenAsync(
        Guid id, TenantContext tenant, string lineUserId, SurveyAnswering answering, IResidentFriends friends, CancellationToken cancellationToken)
    {
        var found = await answering.FindAsync(id, cancellationToken);
        var availability = found?.Survey.AvailabilityAt(answering.Now) ?? SurveyAvailability.NotFound;
        if (availability == SurveyAvailability.NotFound)
        {
            return (null, Refused(tenant, StatusCodes.Status404NotFound, SurveyPageText.PageTitle, SurveyPageText.NotFound));
        }

        var title = found!.Survey.Title;
        if (!await friends.IsFriendAsync(lineUserId, cancellationToken))
        {
            return (found, Refused(tenant, StatusCodes.Status403Forbidden, title, SurveyPageText.NotFriend));
        }

        return availability switch
        {
            SurveyAvailability.NotYetOpen => (found, Refused(tenant, StatusCodes.Status403Forbidden, title, SurveyPageText.NotYetOpen(found.Survey.OpensAt))),
            SurveyAvailability.Closed => (found, Refused(tenant, StatusCodes.Status410Gone, title, SurveyPageText.Closed)),
            _ => (found, null),
        };
    }

    private static ResidentPage Form(
        HttpContext http, TenantContext tenant, IAntiforgery antiforgery, SurveyForResident found, IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        IReadOnlyList<SurveyAnswerError> errors, string submissionKey, bool restoreDraft, string? notice, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var post = new SurveyPagePost(PathOf(tenant, found.Survey.Id), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
        var body = SurveyPageHtml.Form(found.Survey, found.Form, values, errors, post, DraftKey(tenant, found.Survey), restoreDraft, notice);

        // The title is what a screen reader announces first: it says when something needs fixing.
        var title = errors.Count > 0 ? $"{SurveyPageText.ErrorSummary} | {found.Survey.Title}" : found.Survey.Title;
        return new ResidentPage(status, "ja", title, body, tenant.Environment.Line, [ScriptPath]);
    }

    private static ResidentPage Page(TenantContext tenant, string title, string body) =>
        new(StatusCodes.Status200OK, "ja", title, body, tenant.Environment.Line, [ScriptPath]);

    private static ResidentPage Refused(TenantContext tenant, int status, string title, string message) =>
        new(status, "ja", title, SurveyPageHtml.Message(title, message, null, isError: true), tenant.Environment.Line, []);

    private static string DraftKey(TenantContext tenant, Survey survey) => SurveyPageHtml.DraftKey(tenant.TenantSlug, tenant.EnvironmentName, survey.Id);
}
