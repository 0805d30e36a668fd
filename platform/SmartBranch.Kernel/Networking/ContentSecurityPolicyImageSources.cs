using Microsoft.AspNetCore.Http;

namespace SmartBranch.Kernel.Networking;

/// <summary>
/// Image origins one response adds to the host's Content-Security-Policy (<c>img-src</c>), e.g. the map tile host a
/// tenant configured, so that the configured policy stays the one every other page gets.
/// </summary>
public sealed class ContentSecurityPolicyImageSources
{
    private readonly List<string> _origins = [];

    public IReadOnlyList<string> Origins => _origins;

    /// <summary>Allows images from <paramref name="origin"/> (<c>https://host</c>) on this response.</summary>
    public static void Allow(HttpContext context, string origin)
    {
        var sources = context.Features.Get<ContentSecurityPolicyImageSources>();
        if (sources is null)
        {
            sources = new ContentSecurityPolicyImageSources();
            context.Features.Set(sources);
        }

        if (!sources._origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            sources._origins.Add(origin);
        }
    }

    /// <summary><paramref name="policy"/> with the response's origins added to its <c>img-src</c> (created if missing).</summary>
    public static string Apply(HttpContext context, string policy)
    {
        if (context.Features.Get<ContentSecurityPolicyImageSources>() is not { Origins.Count: > 0 } sources)
        {
            return policy;
        }

        var extra = string.Join(' ', sources.Origins);
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = directives.FindIndex(d => d.StartsWith("img-src", StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            directives[index] = $"{directives[index]} {extra}";
        }
        else
        {
            directives.Add($"img-src 'self' {extra}");
        }

        return string.Join("; ", directives);
    }
}
