using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SmartBranch.TestSupport;

/// <summary>A person's browser against the test server: cookies kept, redirects followed one by one, forms filled in.</summary>
public sealed class Browser : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    public Browser(Uri server)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = server };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Every URL visited, redirects included.</summary>
    public List<string> Visited { get; } = [];

    /// <summary>The Set-Cookie headers received.</summary>
    public List<string> SetCookies { get; } = [];

    public HttpClient Client => _client;

    public async Task<BrowserPage> GetAsync(string url) => await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, url)));

    /// <summary>Fills in the page's form (its hidden fields, including the anti-forgery token, kept) and submits it.</summary>
    public async Task<BrowserPage> SubmitAsync(BrowserPage page, IReadOnlyDictionary<string, string> fields, int formIndex = 0)
    {
        var form = page.Document.Forms.ElementAtOrDefault(formIndex)
            ?? throw new InvalidOperationException($"No form on {page.Url}: {page.Document.Body?.TextContent}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        return await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) }));
    }

    /// <summary>Posts <paramref name="content"/> (a multipart form with a file, say) to <paramref name="url"/> and follows the redirects.</summary>
    public async Task<BrowserPage> PostAsync(string url, HttpContent content) =>
        await FollowAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = content }));

    /// <summary>
    /// Posts the page's first form as a phone does (multipart): its hidden fields but those <paramref name="fields"/>
    /// names, then <paramref name="fields"/>, then each file as a JPEG under its field name; follows the redirects.
    /// </summary>
    public async Task<BrowserPage> PostMultipartAsync(
        BrowserPage page, IReadOnlyList<(string Name, string Value)> fields, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var form = page.Document.Forms[0] ?? throw new InvalidOperationException($"No form on {page.Url}: {page.Document.Body?.TextContent}");
        using var content = new MultipartFormDataContent();
        var given = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !given.Contains(i.Name!)))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            content.Add(file, name, "photo.jpg");
        }

        return await PostAsync(form.GetAttribute("action")!, content);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        Visited.Add(request.RequestUri!.ToString());
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            SetCookies.AddRange(cookies);
        }

        return response;
    }

    private async Task<BrowserPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb; hops++)
        {
            if (hops == 15)
            {
                throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", Visited));
            }

            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, location));
        }

        var body = await response.Content.ReadAsStringAsync();
        return new BrowserPage(response.RequestMessage!.RequestUri!.PathAndQuery, response.StatusCode, body, Parser.ParseDocument(body), response);
    }
}

public sealed record BrowserPage(string Url, HttpStatusCode Status, string Body, IHtmlDocument Document, HttpResponseMessage Response)
{
    public string Path => Url.Split('?')[0];

    public string? Message => Document.QuerySelector(".message")?.TextContent.Trim();

    public string Text => Document.Body?.TextContent ?? Body;
}
