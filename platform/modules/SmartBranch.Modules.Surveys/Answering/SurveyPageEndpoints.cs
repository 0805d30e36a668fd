using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Images;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>
/// <c>GET/POST /r/{tenant}/{env}/surveys/{id}</c>: a survey as a resident answers it in LINE (LIFF). Posting the form
/// checks it and shows the confirmation; posting the confirmation stores the answer once and redirects to the
/// thank-you, so a reload never sends it again. Images are uploaded with the form (<see cref="SurveyImageIntake"/>) and
/// shown back to the resident who uploaded them only, at <c>…/surveys/{id}/images?token=…</c>.
/// </summary>
internal static class SurveyPageEndpoints
{
    public const string Segment = "surveys";
    public const string ScriptPath = "/r/assets/surveys.js";

    /// <summary>Room for a few images at the upload limit and the other answers; a larger body is refused unread.</summary>
    public const long MaxRequestBytes = (4L * ImageReencoder.MaxUploadBytes) + (256 * 1024);

    public static void MapSurveyPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(SurveyPageScript.Source, "text/javascript; charset=utf-8"));
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Segment}/{{id:guid}}", ShowAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Segment}/{{id:guid}}/images", ImageAsync);

        // Anti-forgery is checked below, so that a stale form comes back filled in rather than as a bare 400.
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Segment}/{{id:guid}}", PostAsync).DisableAntiforgery();
    }

    public static string PathOf(TenantContext tenant, Guid surveyId) => $"{ResidentSessions.BasePath(tenant)}/{Segment}/{surveyId}";

    public static string ImagePathOf(string surveyPath, string token) => $"{surveyPath}/images?token={Uri.EscapeDataString(token)}";

    private static async Task<IResult> ShowAsync(
        Guid id, bool? done, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        SurveyAnswering answering, IResidentFriends friends, IAntiforgery antiforgery, SurveyImageIntake images)
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
        var stored = await answering.EditableAnswersAsync(survey, lineUserId, http.RequestAborted);
        var earlier = stored is null ? null : images.ToTokens(survey.Id, found.Form, lineUserId, stored);
        if (earlier is null && await answering.HasAnsweredAsync(survey, lineUserId, http.RequestAborted))
        {
            return Refused(tenant, StatusCodes.Status409Conflict, survey.Title, SurveyPageText.AlreadyAnswered);
        }

        return Form(http, tenant, antiforgery, found, earlier ?? new Dictionary<string, IReadOnlyList<string>>(), [], SurveyPagePosted.NewSubmissionKey(),
            restoreDraft: earlier is null, notice: earlier is null ? null : SurveyPageText.EditingEarlier);
    }

    private static async Task<IResult> PostAsync(
        Guid id, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn,
        SurveyAnswering answering, IResidentFriends friends, IAntiforgery antiforgery, SurveyImageIntake images)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxRequestBytes;
        }

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

        SurveyPagePosted posted;
        try
        {
            posted = await SurveyPagePosted.ReadAsync(http.Request);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Refused(tenant, StatusCodes.Status413PayloadTooLarge, survey.Title, SurveyPageText.TooLarge(MaxRequestBytes));
        }

        var (given, submissionKey, step, form) = posted;
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, tenant, antiforgery, found, given, [], submissionKey, restoreDraft: false, notice: SurveyPageText.Expired);
        }

        if (step == SurveyPageHtml.EditStep)
        {
            return Form(http, tenant, antiforgery, found, given, [], submissionKey, restoreDraft: false, notice: null);
        }

        var intake = await images.TakeAsync(survey.Id, found.Form, lineUserId, given, form, takeUploads: step != SurveyPageHtml.SubmitStep, http.RequestAborted);
        var check = SurveyAnswerRules.Check(found.Form, intake.Given);
        if (!check.IsValid || intake.Errors.Count > 0)
        {
            var errors = SurveyImageIntake.Merge(found.Form, intake.Errors, check.Errors);
            return Form(http, tenant, antiforgery, found, intake.Given, errors, submissionKey, restoreDraft: false, notice: null, StatusCodes.Status400BadRequest);
        }

        if (step != SurveyPageHtml.SubmitStep)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var post = new SurveyPagePost(PathOf(tenant, id), tokens.FormFieldName, tokens.RequestToken ?? "", submissionKey);
            return Page(tenant, $"{SurveyPageText.ConfirmTitle} | {survey.Title}",
                SurveyPageHtml.Confirmation(survey, found.Form, check.Answers, post, DraftKey(tenant, survey)));
        }

        // The tokens were read a moment ago; one that expired since sends the resident back to choose the image again.
        if (images.ToStored(survey.Id, found.Form, lineUserId, check.Answers) is not { } answers)
        {
            var expired = found.Form.Questions.Where(q => q.Kind == Forms.SurveyItemKind.Image && check.Answers.ContainsKey(q.Key))
                .Select(q => new SurveyAnswerError(q.Key, SurveyImageIntake.Expired)).ToList();
            return Form(http, tenant, antiforgery, found, check.Answers, expired, submissionKey, restoreDraft: false, notice: null, StatusCodes.Status400BadRequest);
        }

        return await answering.SubmitAsync(survey, lineUserId, submissionKey, answers, http.RequestAborted) switch
        {
            SurveySubmissionOutcome.AlreadyReceived => Page(tenant, survey.Title,
                SurveyPageHtml.Message(survey.Title, SurveyPageText.AlreadyReceived, DraftKey(tenant, survey))),
            SurveySubmissionOutcome.AlreadyAnswered => Refused(tenant, StatusCodes.Status409Conflict, survey.Title, SurveyPageText.AlreadyAnswered),

            // Post/redirect/get: a reload shows the thank-you, never a second submission.
            _ => Results.Redirect($"{PathOf(tenant, id)}?done=true"),
        };
    }

    /// <summary>The preview of an image the signed-in resident uploaded to this survey's page; nobody else's token reads.</summary>
    private static async Task<IResult> ImageAsync(
        Guid id, string? token, HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, SurveyImages images)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId || string.IsNullOrEmpty(token)
            || images.Read(id, lineUserId, token) is not { } imageId
            || await images.OpenAsync(imageId, preview: true, http.RequestAborted) is not { } content)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(content, "image/jpeg");
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
