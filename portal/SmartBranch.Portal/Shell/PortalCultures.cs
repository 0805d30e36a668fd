using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace SmartBranch.Portal.Shell;

/// <summary>Japanese first, English on request; the choice lives in the standard culture cookie.</summary>
public static class PortalCultures
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Japanese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    internal static void Configure(RequestLocalizationOptions options)
    {
        var cultures = All.Select(c => new CultureInfo(c)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Japanese);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }
}
