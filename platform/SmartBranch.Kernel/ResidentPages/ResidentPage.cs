using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>
/// A resident page (<c>/r/{tenant}/{env}/…</c>) as one HTML document: mobile viewport, the shared style sheet, the
/// environment's LIFF SDK and the page's own scripts (never inline), and a Content-Security-Policy that allows
/// exactly those: LINE's SDK origin (or the emulator's, whose resident simulator frames the page). A public page
/// (no LIFF) may narrow images to the origins it names and allow brief caching.
/// </summary>
public sealed class ResidentPage(int statusCode, string language, string title, string body, TenantLineSettings line, IReadOnlyList<string> scripts) : IResult
{
    public const string StyleSheetPath = "/r/assets/resident.css";
    public const string SessionScriptPath = "/r/assets/liff-session.js";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Style sheets after the shared one, e.g. a map library's.</summary>
    public IReadOnlyList<string> StyleSheets { get; init; } = [];

    /// <summary>The only origins besides the server's own that images may come from (e.g. map tiles); null allows any https image.</summary>
    public IReadOnlyList<string>? ImageOrigins { get; init; }

    /// <summary>Whether the page loads the LIFF SDK: a public page opened as a plain link needs none.</summary>
    public bool UsesLiff { get; init; } = true;

    /// <summary><c>no-store</c> unless a page says otherwise: resident pages show one resident's data.</summary>
    public string CacheControl { get; init; } = "no-store";

    /// <summary>Text for HTML content and quoted attribute values.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>A page of <paramref name="line"/>'s environment; <paramref name="body"/> is HTML, its text already encoded.</summary>
    public static ResidentPage Ok(string language, string title, string body, TenantLineSettings line, params string[] scripts) =>
        new(StatusCodes.Status200OK, language, title, body, line, scripts);

    /// <summary>A Japanese page that says what went wrong and what the resident can do about it.</summary>
    public static ResidentPage Error(int statusCode, string title, string message, TenantLineSettings line) =>
        new(statusCode, "ja", title, $"""<h1>{Encode(title)}</h1><p class="notice notice-error" role="alert">{Encode(message)}</p>""", line, []);


    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = CacheControl;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(line, UsesLiff, ImageOrigins);
        await response.WriteAsync(Document(), Encoding.UTF8, httpContext.RequestAborted);
    }

    internal static string ContentSecurityPolicy(TenantLineSettings line, bool usesLiff = true, IReadOnlyList<string>? imageOrigins = null)
    {
        var script = usesLiff ? $"'self' {line.LiffSdkUrl.GetLeftPart(UriPartial.Authority)}" : "'self'";
        var images = imageOrigins is null ? "https:" : string.Join(' ', imageOrigins);
        var (connect, frameAncestors) = line.Mode == LineMode.Emulator
            ? ("'self'", line.ApiBaseUrl.GetLeftPart(UriPartial.Authority))
            : (usesLiff ? "'self' https://*.line.me https://*.line-scdn.net https://*.line-apps.com" : "'self'", "'none'");
        return $"default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data: {images}".TrimEnd() + $"; connect-src {connect}; " +
            $"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {frameAncestors}";
    }

    private string Document()
    {
        var scriptTags = string.Concat(scripts.Select(s => $"""<script src="{Encode(s)}" defer></script>""" + "\n"));
        var styleTags = string.Concat(StyleSheets.Select(s => $"""<link rel="stylesheet" href="{Encode(s)}">""" + "\n"));
        var sdkTag = UsesLiff ? $"""<script src="{Encode(line.LiffSdkUrl.AbsoluteUri)}"></script>""" + "\n" : "";
        return $"""
            <!doctype html>
            <html lang="{Encode(language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(title)}</title>
            <link rel="stylesheet" href="{StyleSheetPath}">
            {styleTags}{sdkTag}{scriptTags}</head>
            <body>
            <main id="main" class="page">
            {body}
            </main>
            </body>
            </html>
            """;
    }
}
