using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Serves stored images to LINE and residents' phones at <c>/media/{tenant}/{env}/{file}</c>: only image names
/// <see cref="MediaFileName"/> makes (documents are served by the module that owns them, which knows when they are
/// public), only from the route's tenant environment, no listing. Files never
/// change, so they may be cached for a year.
/// </summary>
internal static class MediaEndpoints
{
    private const string CacheForever = "public, max-age=31536000, immutable";

    public static string PathOf(MediaKey key) => $"media/{key.TenantSlug}/{key.EnvironmentName}/{key.FileName}";

    public static void MapMedia(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/media/{tenant}/{env}/{file}", ServeAsync).AllowAnonymous();

    private static async Task<IResult> ServeAsync(string file, HttpContext http, ICurrentTenant currentTenant, IMediaStore store)
    {
        if (!MediaFileName.IsImage(file))
        {
            return Results.NotFound();
        }

        var tenant = currentTenant.Required;
        var content = await store.OpenReadAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, file), http.RequestAborted);
        if (content is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheForever;
        return Results.Stream(content, "image/jpeg");
    }
}
