using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.RateLimiting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.RichMenus;

/// <summary>Rich menus, their images, default and per-user links, bulk links and aliases
/// (https://developers.line.biz/en/reference/messaging-api/#rich-menu).</summary>
internal static partial class RichMenuEndpoints
{
    public const int MaxBulkUsers = 500;
    private const string ImageRequired = "must upload richmenu image before applying it to user";

    public static void Map(RouteGroupBuilder bot)
    {
        bot.MapPost("/richmenu", Create).WithMetadata(RateLimitPolicy.RichMenuCreate);
        bot.MapPost("/richmenu/validate", ValidateMenu);
        bot.MapGet("/richmenu/list", (HttpContext http) =>
            LineErrors.Ok(new { richmenus = http.Channel().RichMenus.Menus.Values.Select(m => m.ToJson()) }));
        bot.MapGet("/richmenu/{richMenuId}", (HttpContext http, string richMenuId) =>
            http.Channel().RichMenus.Menus.TryGetValue(richMenuId, out var menu) ? LineErrors.Ok(menu.ToJson()) : LineErrors.NotFoundError());
        bot.MapDelete("/richmenu/{richMenuId}", (HttpContext http, string richMenuId) =>
            http.Channel().RichMenus.Delete(richMenuId) ? LineErrors.Ok(new { }) : LineErrors.NotFoundError());

        // Image upload and download live on the data host (api-data.line.me); same origin here.
        bot.MapPost("/richmenu/{richMenuId}/content", UploadImage);
        bot.MapGet("/richmenu/{richMenuId}/content", DownloadImage);

        bot.MapPost("/user/all/richmenu/{richMenuId}", SetDefault);
        bot.MapGet("/user/all/richmenu", (HttpContext http) => http.Channel().RichMenus.DefaultMenuId is { } id
            ? LineErrors.Ok(new { richMenuId = id })
            : LineErrors.Error(StatusCodes.Status404NotFound, "no default richmenu"));
        bot.MapDelete("/user/all/richmenu", (HttpContext http) =>
        {
            http.Channel().RichMenus.DefaultMenuId = null;
            return LineErrors.Ok(new { });
        });

        bot.MapPost("/user/{userId}/richmenu/{richMenuId}", LinkUser);
        bot.MapGet("/user/{userId}/richmenu", (HttpContext http, string userId) =>
            http.Channel().RichMenus.UserLinks.TryGetValue(userId, out var id)
                ? LineErrors.Ok(new { richMenuId = id })
                : LineErrors.Error(StatusCodes.Status404NotFound, "the user has no richmenu"));
        bot.MapDelete("/user/{userId}/richmenu", (HttpContext http, string userId) =>
        {
            http.Channel().RichMenus.UserLinks.TryRemove(userId, out _);
            return LineErrors.Ok(new { });
        });
        bot.MapPost("/richmenu/bulk/link", BulkLink);
        bot.MapPost("/richmenu/bulk/unlink", BulkUnlink);

        bot.MapPost("/richmenu/alias", CreateAlias);
        bot.MapGet("/richmenu/alias/list", (HttpContext http) => LineErrors.Ok(new
        {
            aliases = http.Channel().RichMenus.Aliases.Select(a => new { richMenuAliasId = a.Key, richMenuId = a.Value }),
        }));
        bot.MapGet("/richmenu/alias/{richMenuAliasId}", (HttpContext http, string richMenuAliasId) =>
            http.Channel().RichMenus.Aliases.TryGetValue(richMenuAliasId, out var id)
                ? LineErrors.Ok(new { richMenuAliasId, richMenuId = id })
                : LineErrors.NotFoundError());
        bot.MapPost("/richmenu/alias/{richMenuAliasId}", UpdateAlias);
        bot.MapDelete("/richmenu/alias/{richMenuAliasId}", (HttpContext http, string richMenuAliasId) =>
            http.Channel().RichMenus.Aliases.TryRemove(richMenuAliasId, out _)
                ? LineErrors.Ok(new { })
                : LineErrors.Error(StatusCodes.Status400BadRequest, "richmenu alias not found"));
    }

    private static async Task<IResult> Create(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = RichMenuRules.Validate(body);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        var store = http.Channel().RichMenus;
        if (store.Menus.Count >= RichMenuRules.MaxPerChannel)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "The number of rich menus has reached the maximum (1000)");
        }

        var id = "richmenu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        body.Remove("richMenuId");
        store.Menus[id] = new RichMenu(id, body);
        return LineErrors.Ok(new { richMenuId = id });
    }

    private static async Task<IResult> ValidateMenu(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = RichMenuRules.Validate(body);
        return errors.Count > 0 ? LineErrors.Validation(errors) : LineErrors.Ok(new { });
    }

    /// <summary>JPEG or PNG, 800–2500 px wide, ≥ 250 px high, width/height ≥ 1.45, ≤ 1 MB; an image can be
    /// uploaded once and never replaced (https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image).</summary>
    private static async Task<IResult> UploadImage(HttpContext http, string richMenuId, CancellationToken ct)
    {
        if (!http.Channel().RichMenus.Menus.TryGetValue(richMenuId, out var menu))
        {
            return LineErrors.NotFoundError();
        }

        var declared = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is not ("image/jpeg" or "image/png"))
        {
            return LineErrors.Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: the Content-Type must be image/jpeg or image/png");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > RichMenuRules.MaxImageBytes)
        {
            return LineErrors.Error(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large");
        }

        var data = buffer.ToArray();
        var info = ImageInfo.Read(data);
        var problem = info is not null && info.ContentType != declared
            ? "The Content-Type does not match the image data"
            : RichMenuRules.CheckImage(info);
        if (problem is not null)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, problem);
        }

        return menu.TrySetImage(new RichMenuImage(data, info!.ContentType))
            ? LineErrors.Ok(new { })
            : LineErrors.Error(StatusCodes.Status400BadRequest, "An image has already been uploaded to the richmenu");
    }

    private static IResult DownloadImage(HttpContext http, string richMenuId) => ImageOf(http.Channel(), richMenuId);

    /// <summary>A rich menu's image, or LINE's 404 when the menu or its image does not exist.</summary>
    internal static IResult ImageOf(ChannelState channel, string richMenuId) =>
        channel.RichMenus.Menus.TryGetValue(richMenuId, out var menu) && menu.Image is { } image
            ? Results.Bytes(image.Data, image.ContentType)
            : LineErrors.NotFoundError();

    private static IResult SetDefault(HttpContext http, string richMenuId)
    {
        var store = http.Channel().RichMenus;
        if (!store.Menus.TryGetValue(richMenuId, out var menu))
        {
            return LineErrors.NotFoundError();
        }

        if (menu.Image is null)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, ImageRequired);
        }

        store.DefaultMenuId = richMenuId;
        return LineErrors.Ok(new { });
    }

    private static IResult LinkUser(HttpContext http, EmulatorState state, string userId, string richMenuId)
    {
        var store = http.Channel().RichMenus;
        if (!store.Menus.TryGetValue(richMenuId, out var menu))
        {
            return LineErrors.NotFoundError();
        }

        if (menu.Image is null)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, ImageRequired);
        }

        if (!Ids.IsUserId(userId) || !state.Users.ContainsKey(userId))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "The user ID is invalid");
        }

        store.UserLinks[userId] = richMenuId;
        return LineErrors.Ok(new { });
    }

    private static async Task<IResult> BulkLink(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var (userIds, errors) = ReadUserIds(body);
        var richMenuId = body.GetString("richMenuId");
        var store = http.Channel().RichMenus;
        if (string.IsNullOrEmpty(richMenuId))
        {
            errors.Add(new("May not be empty", "richMenuId"));
        }

        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        if (!store.Menus.TryGetValue(richMenuId!, out var menu))
        {
            return LineErrors.NotFoundError();
        }

        if (menu.Image is null)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, ImageRequired);
        }

        foreach (var userId in userIds)
        {
            store.UserLinks[userId] = richMenuId!;
        }

        return Results.Json(new { }, LineErrors.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> BulkUnlink(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var (userIds, errors) = ReadUserIds(body);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        foreach (var userId in userIds)
        {
            http.Channel().RichMenus.UserLinks.TryRemove(userId, out _);
        }

        return Results.Json(new { }, LineErrors.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> CreateAlias(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var aliasId = body.GetString("richMenuAliasId");
        var richMenuId = body.GetString("richMenuId");
        var errors = new List<ErrorDetail>();
        if (aliasId is null || !AliasPattern().IsMatch(aliasId))
        {
            errors.Add(new("Must match ^[a-z0-9_-]{1,32}$", "richMenuAliasId"));
        }

        if (string.IsNullOrEmpty(richMenuId))
        {
            errors.Add(new("May not be empty", "richMenuId"));
        }

        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        var store = http.Channel().RichMenus;
        if (CheckAliasTarget(store, richMenuId!) is { } targetError)
        {
            return targetError;
        }

        if (store.Aliases.Count >= RichMenuRules.MaxPerChannel)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "The number of rich menu aliases has reached the maximum (1000)");
        }

        return store.Aliases.TryAdd(aliasId!, richMenuId!)
            ? LineErrors.Ok(new { })
            : LineErrors.Error(StatusCodes.Status400BadRequest, "conflict richmenu alias id");
    }

    private static async Task<IResult> UpdateAlias(HttpContext http, string richMenuAliasId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var richMenuId = body.GetString("richMenuId");
        if (string.IsNullOrEmpty(richMenuId))
        {
            return LineErrors.Validation([new("May not be empty", "richMenuId")]);
        }

        var store = http.Channel().RichMenus;
        if (!store.Aliases.ContainsKey(richMenuAliasId))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "richmenu alias not found");
        }

        if (CheckAliasTarget(store, richMenuId) is { } targetError)
        {
            return targetError;
        }

        store.Aliases[richMenuAliasId] = richMenuId;
        return LineErrors.Ok(new { });
    }

    private static IResult? CheckAliasTarget(RichMenuStore store, string richMenuId)
    {
        if (!store.Menus.TryGetValue(richMenuId, out var menu))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "richmenu not found");
        }

        return menu.Image is null ? LineErrors.Error(StatusCodes.Status400BadRequest, "richmenu image not found") : null;
    }

    private static (List<string> UserIds, List<ErrorDetail> Errors) ReadUserIds(JsonObject body)
    {
        var errors = new List<ErrorDetail>();
        var ids = new List<string>();
        if (body["userIds"] is not JsonArray array || array.Count is < 1 or > MaxBulkUsers)
        {
            errors.Add(new($"Size must be between 1 and {MaxBulkUsers}", "userIds"));
            return (ids, errors);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var id = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (Ids.IsUserId(id))
            {
                ids.Add(id!);
            }
            else
            {
                errors.Add(new("Must be a valid user ID", $"userIds[{i}]"));
            }
        }

        return (ids, errors);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex AliasPattern();
}
