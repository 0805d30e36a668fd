using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>
/// Where a resident page opens from a LINE message: its LIFF URL (<c>https://liff.line.me/{liffId}/{page}</c>, which LINE,
/// and the emulator's simulator, open at the LIFF app's endpoint <c>…/r/{tenant}/{env}</c> followed by the page) once the
/// environment has a LIFF app; until then the page's own URL on this server.
/// </summary>
public sealed class ResidentPageLinks
{
    private readonly PublicServerUrl _publicServerUrl;

    internal ResidentPageLinks(PublicServerUrl publicServerUrl) => _publicServerUrl = publicServerUrl;

    public Uri For(TenantContext tenant, string page)
    {
        var path = page.TrimStart('/');
        return tenant.Environment.Line.LiffId is { Length: > 0 } liffId
            ? new Uri($"https://liff.line.me/{Uri.EscapeDataString(liffId)}/{path}")
            : OnServer(tenant, path);
    }

    /// <summary>A public page's own URL on this server, opened as a plain link (LINE's in-app browser): it needs no LIFF sign-in.</summary>
    public Uri OnServer(TenantContext tenant, string page) =>
        new(_publicServerUrl.Value, $"{ResidentSessions.BasePath(tenant).TrimStart('/')}/{page.TrimStart('/')}");
}
