namespace SmartBranch.LineEmulator.Liff;

/// <summary>LIFF URLs (<c>https://liff.line.me/{liffId}/{path}?{query}</c>) and where LINE opens them: with the
/// permanent link pattern <c>concat</c>, the path and query after the LIFF id are appended to the endpoint URL
/// (https://developers.line.biz/en/docs/liff/opening-liff-app/#redirect-flow). LINE gets there in two redirects
/// through <c>liff.state</c>; the simulator opens the final URL directly.</summary>
internal static class LiffUrl
{
    public const string Host = "liff.line.me";

    /// <summary>The LIFF id and the rest of a LIFF URL (path and query), or null when this is no LIFF URL.</summary>
    public static (string LiffId, string Path, string Query)? Parse(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.Host != Host)
        {
            return null;
        }

        var path = url.AbsolutePath.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var liffId = slash < 0 ? path : path[..slash];
        return liffId.Length == 0 ? null : (liffId, slash < 0 ? "" : path[slash..], url.Query.TrimStart('?'));
    }

    public static string Resolve(Uri endpoint, string path, string query)
    {
        var target = new UriBuilder(endpoint);
        if (path is { Length: > 0 } and not "/")
        {
            target.Path = endpoint.AbsolutePath.TrimEnd('/') + path;
        }

        if (query.Length > 0)
        {
            var existing = endpoint.Query.TrimStart('?');
            target.Query = existing.Length > 0 ? existing + "&" + query : query;
        }

        return target.Uri.AbsoluteUri;
    }
}
