using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Images;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>
/// <c>GET /portal/{tenant}/richmenus/{id}/image</c>: a menu's stored JPEG, for the list's thumbnails and the editor's
/// preview, to staff who may view menus (checked again by the module). A menu's image never changes.
/// </summary>
internal static class RichMenuImageEndpoint
{
    public static void MapRichMenuImages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"{PortalRoutes.Portal}/{{tenant}}/{RichMenusPaths.List}/{{id:guid}}/image", ServeAsync)
            .RequireAuthorization(RichMenuPermissions.View);

    private static async Task<IResult> ServeAsync(Guid id, IRichMenuEditor editor, HttpContext http)
    {
        var image = await editor.OpenImageAsync(id, http.RequestAborted);
        if (image is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.Stream(image, RichMenuImages.ContentType);
    }
}
