using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Preferences;

/// <summary><c>GET/POST /r/{tenant}/{env}/preferences</c>: the resident's own preference page (LIFF).</summary>
internal static class PreferencesEndpoints
{
    public const string Page = "preferences";

    public static void MapPreferences(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{Page}", ShowAsync);

        // Anti-forgery is checked below, so that a stale form gets a page that says so rather than a bare 400.
        endpoints.MapPost($"/r/{{tenant}}/{{env}}/{Page}", SaveAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ShowAsync(
        HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentPreferences preferences, IAntiforgery antiforgery, bool? saved)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, PreferencesText.Japanese.Title);
        }

        var resident = await preferences.FindResidentAsync(lineUserId, http.RequestAborted);
        await preferences.LoadCatalogAsync(http.RequestAborted);
        if (Unavailable(tenant, resident, preferences) is { } unavailable)
        {
            return unavailable;
        }

        var choices = await preferences.ChoicesAsync(resident!.Id, http.RequestAborted);
        var text = TextFor(resident, choices);
        var consentChecked = resident.ConsentVersion is not null && resident.ConsentVersion == preferences.Catalog.Consent?.Version;
        return Form(http, tenant, antiforgery, preferences, text, choices, consentChecked, [], saved == true);
    }

    private static async Task<IResult> SaveAsync(
        HttpContext http, ICurrentTenant currentTenant, ResidentSessions sessions, ResidentSignIn signIn, ResidentPreferences preferences, IAntiforgery antiforgery)
    {
        var tenant = currentTenant.Required;
        if (sessions.CurrentLineUserId(http, tenant) is not { } lineUserId)
        {
            return signIn.Page(http, tenant, PreferencesText.Japanese.Title);
        }

        var resident = await preferences.FindResidentAsync(lineUserId, http.RequestAborted);
        await preferences.LoadCatalogAsync(http.RequestAborted);
        if (Unavailable(tenant, resident, preferences) is { } unavailable)
        {
            return unavailable;
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var choices = new PreferenceChoices(form
            .Where(f => f.Key.StartsWith(PreferencesForm.AttributeFieldPrefix, StringComparison.Ordinal))
            .ToDictionary(
                f => f.Key[PreferencesForm.AttributeFieldPrefix.Length..],
                f => (IReadOnlyList<string>)f.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()));
        var consent = form[PreferencesForm.ConsentField].ToString();
        var text = TextFor(resident!, choices);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            // The page sat open too long: show the choices again so that a second press saves them.
            var expired = Form(http, tenant, antiforgery, preferences, text, choices, consent.Length > 0, [], saved: false, notice: text.Expired);
            return expired;
        }

        var errors = await preferences.SaveAsync(resident!, choices, consent.Length > 0 ? consent : null, http.RequestAborted);
        if (errors.Count > 0)
        {
            return Form(http, tenant, antiforgery, preferences, text, choices, consent.Length > 0, errors, saved: false, status: StatusCodes.Status400BadRequest);
        }

        // Post/redirect/get: a reload shows the saved choices, never a second submission.
        return Results.Redirect($"{ResidentSessions.BasePath(tenant)}/{Page}?saved=true");
    }

    private static ResidentPage? Unavailable(TenantContext tenant, Resident? resident, ResidentPreferences preferences)
    {
        var line = tenant.Environment.Line;
        if (preferences.Catalog.Attributes.Count == 0)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, PreferencesText.Japanese.Title, PreferencesText.Japanese.NotAvailable, line);
        }

        return resident is null
            ? ResidentPage.Error(StatusCodes.Status404NotFound, PreferencesText.Japanese.Title, PreferencesText.Japanese.NotFriend, line)
            : null;
    }

    /// <summary>English for a resident who chose English, or whose LINE app is in English and who has not chosen a language.</summary>
    private static PreferencesText TextFor(Resident resident, PreferenceChoices choices)
    {
        var chosen = choices.For("language");
        var english = chosen.Count > 0
            ? chosen.Contains("en")
            : resident.Language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        return english ? PreferencesText.English : PreferencesText.Japanese;
    }

    private static ResidentPage Form(
        HttpContext http,
        TenantContext tenant,
        IAntiforgery antiforgery,
        ResidentPreferences preferences,
        PreferencesText text,
        PreferenceChoices choices,
        bool consentChecked,
        IReadOnlyList<PreferencesError> errors,
        bool saved,
        string? notice = null,
        int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var body = PreferencesForm.Render(
            text, preferences.Catalog, choices, consentChecked, errors, saved,
            $"{ResidentSessions.BasePath(tenant)}/{Page}", tokens.FormFieldName, tokens.RequestToken ?? "", notice);
        // The title is what a screen reader announces first: it says whether the save worked.
        var title = saved ? $"{text.SavedTitle} | {text.Title}" : errors.Count > 0 || notice is not null ? $"{text.ErrorSummary} | {text.Title}" : text.Title;
        return new ResidentPage(status, text.Language, title, body, tenant.Environment.Line, []);
    }
}
