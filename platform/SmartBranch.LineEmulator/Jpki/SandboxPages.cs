using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>The HTML frame of the sandbox's pages: Japanese, mobile-first, readable without scripts.</summary>
internal static class SandboxPages
{
    private const string Style = """
        :root { color-scheme: light; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; line-height: 1.6; }
        body { margin: 0; background: #f4f6f8; color: #1a1a1a; }
        main { max-width: 36rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.3rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
        .sandbox { background: #fff4d6; border: 1px solid #b07d00; border-radius: 0.5rem; padding: 0.5rem 0.75rem; }
        .panel { background: #fff; border: 1px solid #c9d1d9; border-radius: 0.5rem; padding: 0.75rem; margin: 0.75rem 0; }
        .error { background: #fdecea; border: 1px solid #b3261e; color: #8c1d18; border-radius: 0.5rem; padding: 0.75rem; }
        pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: 0.9rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
        input[type=password] { width: 100%; box-sizing: border-box; font-size: 1.1rem; padding: 0.6rem; border: 1px solid #5f6b76; border-radius: 0.4rem; }
        button, .button { display: block; width: 100%; box-sizing: border-box; text-align: center; font-size: 1rem; padding: 0.75rem;
          margin-top: 0.75rem; border-radius: 0.5rem; border: 1px solid #0b5e2d; background: #06c755; color: #fff; font-weight: bold;
          text-decoration: none; cursor: pointer; }
        button.secondary, .button.secondary { background: #fff; color: #1a1a1a; border-color: #5f6b76; }
        button:focus-visible, .button:focus-visible, input:focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #c9d1d9; vertical-align: top; }
        .inline button { display: inline-block; width: auto; margin: 0.25rem 0.25rem 0 0; padding: 0.4rem 0.6rem; font-size: 0.9rem; }
        .hint { color: #4a5560; font-size: 0.9rem; }
        """;

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p class=\"sandbox\">テスト用のサンドボックスです。本物のマイナンバーカードや公的個人認証サービスは使われません。</p>")
            .Append(body)
            .Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    // Japanese stays readable in the markup; only HTML's special characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
