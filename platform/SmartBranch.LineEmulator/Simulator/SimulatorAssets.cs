using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.Simulator;

/// <summary>Serves the resident simulator (<c>/_sim/</c>) and the LIFF SDK stand-in (<c>/_sim/liff/sdk.js</c>) from
/// the files under Simulator/wwwroot, embedded in this assembly (see the project file).</summary>
internal static class SimulatorAssets
{
    public const string PagePath = "/_sim/";
    public const string LiffSdkPath = "/_sim/liff/sdk.js";
    private const string ResourcePrefix = "simulator/";

    private static readonly Lazy<FrozenDictionary<string, Asset>> s_assets = new(Load);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/_sim/{**path}", (HttpContext http, string? path) =>
    {
        if (string.IsNullOrEmpty(path))
        {
            // Routing matches "/_sim" and "/_sim/" alike; the page's relative links need the slash.
            if (!http.Request.Path.Value!.EndsWith('/'))
            {
                return Results.Redirect(PagePath);
            }

            path = "index.html";
        }

        return s_assets.Value.TryGetValue(path, out var asset) ? Results.Bytes(asset.Data, asset.ContentType) : LineErrors.NotFoundError();
    });

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(SimulatorAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal))
            {
                contentType += "; charset=utf-8";
            }

            assets[path] = new Asset(buffer.ToArray(), contentType);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Data, string ContentType);
}
