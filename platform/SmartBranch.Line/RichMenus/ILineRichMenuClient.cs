using SmartBranch.Line.Client;

namespace SmartBranch.Line.RichMenus;

/// <summary>
/// LINE's rich menu calls for one channel (https://developers.line.biz/en/reference/messaging-api/#rich-menu).
/// Failures throw <see cref="LineApiException"/>; a refused menu's <see cref="LineApiException.Details"/> say which
/// property is wrong. Creating a menu or an alias and uploading an image are sent once, never repeated.
/// </summary>
public interface ILineRichMenuClient
{
    /// <summary>POST /v2/bot/richmenu; the new menu's id. Counts against LINE's 100 creations per hour.</summary>
    Task<string> CreateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/validate: throws what LINE would refuse about the menu, creating nothing.</summary>
    Task ValidateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/{richMenuId}/content on the data host; a menu's image can be set only once.</summary>
    Task UploadRichMenuImageAsync(string richMenuId, ReadOnlyMemory<byte> image, string contentType, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/richmenu/{richMenuId}/content on the data host. The caller disposes the result.</summary>
    Task<LineMessageContent> DownloadRichMenuImageAsync(string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/richmenu/list: every menu the channel created through the API.</summary>
    Task<IReadOnlyList<LineRichMenuSummary>> ListRichMenusAsync(CancellationToken cancellationToken = default);

    /// <summary>DELETE /v2/bot/richmenu/{richMenuId}; false when LINE has no such menu (already deleted).</summary>
    Task<bool> DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/user/all/richmenu/{richMenuId}: the menu of every user without a menu of their own.</summary>
    Task SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/user/all/richmenu; null when the channel has no default menu.</summary>
    Task<string?> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default);

    /// <summary>DELETE /v2/bot/user/all/richmenu.</summary>
    Task CancelDefaultRichMenuAsync(CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/user/{userId}/richmenu/{richMenuId}: the user's own menu, shown instead of the default.</summary>
    Task LinkRichMenuToUserAsync(string userId, string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v2/bot/user/{userId}/richmenu: the user sees the default menu again.</summary>
    Task UnlinkRichMenuFromUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/bulk/link for 1 to 500 user ids (LINE applies it asynchronously).</summary>
    Task LinkRichMenuToUsersAsync(string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/bulk/unlink for 1 to 500 user ids (LINE applies it asynchronously).</summary>
    Task UnlinkRichMenuFromUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/alias; the menu must have its image.</summary>
    Task CreateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/richmenu/alias/{richMenuAliasId}: points the alias at another menu.</summary>
    Task UpdateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v2/bot/richmenu/alias/{richMenuAliasId}.</summary>
    Task DeleteRichMenuAliasAsync(string richMenuAliasId, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/richmenu/alias/list.</summary>
    Task<IReadOnlyList<LineRichMenuAlias>> ListRichMenuAliasesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates a rich menu client bound to one channel, sharing connections and rate limiters with its messaging client.</summary>
public interface ILineRichMenuClientFactory
{
    ILineRichMenuClient Create(LineChannel channel);
}
