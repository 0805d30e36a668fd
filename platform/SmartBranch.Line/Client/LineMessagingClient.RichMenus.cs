using System.Net;
using System.Net.Http.Headers;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Line.Client;

internal sealed partial class LineMessagingClient
{
    public async Task<string> CreateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);

        using var request = JsonRequest(LineEndpoint.CreateRichMenu, menu);
        using var response = await SendAsync(request, LineEndpoint.CreateRichMenu, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (await ReadJsonAsync<RichMenuIdBody>(response, LineEndpoint.CreateRichMenu, cancellationToken)).RichMenuId;
    }

    public Task ValidateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);
        return PostAsync(LineEndpoint.ValidateRichMenu, menu, [], cancellationToken);
    }

    public async Task UploadRichMenuImageAsync(string richMenuId, ReadOnlyMemory<byte> image, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        if (contentType is not ("image/png" or "image/jpeg"))
        {
            throw new ArgumentException("A rich menu image is image/png or image/jpeg.", nameof(contentType));
        }

        var endpoint = LineEndpoint.UploadRichMenuImage;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.UrlFor(channel, richMenuId))
        {
            Content = new ReadOnlyMemoryContent(image) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, cancellationToken);
    }

    public async Task<LineMessageContent> DownloadRichMenuImageAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);

        var endpoint = LineEndpoint.DownloadRichMenuImage;
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.UrlFor(channel, richMenuId));
        var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, endpoint, cancellationToken);
            var headers = response.Content.Headers;
            return new LineMessageContent(await response.Content.ReadAsStreamAsync(cancellationToken), headers.ContentType?.MediaType, headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<LineRichMenuSummary>> ListRichMenusAsync(CancellationToken cancellationToken = default) =>
        (await GetJsonAsync<RichMenuListBody>(LineEndpoint.RichMenuList, cancellationToken)).Richmenus;

    public async Task<bool> DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);

        using var request = new HttpRequestMessage(HttpMethod.Delete, LineEndpoint.RichMenu.UrlFor(channel, richMenuId));
        using var response = await SendAsync(request, LineEndpoint.RichMenu, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, LineEndpoint.RichMenu, cancellationToken);
        return true;
    }

    public Task SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return PostWithoutBodyAsync(LineEndpoint.SetDefaultRichMenu, [richMenuId], cancellationToken);
    }

    public async Task<string?> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, LineEndpoint.DefaultRichMenu.UrlFor(channel));
        using var response = await SendAsync(request, LineEndpoint.DefaultRichMenu, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return (await ReadJsonAsync<RichMenuIdBody>(response, LineEndpoint.DefaultRichMenu, cancellationToken)).RichMenuId;
    }

    public Task CancelDefaultRichMenuAsync(CancellationToken cancellationToken = default) =>
        DeleteAsync(LineEndpoint.DefaultRichMenu, [], cancellationToken);

    public Task LinkRichMenuToUserAsync(string userId, string richMenuId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return PostWithoutBodyAsync(LineEndpoint.LinkUserRichMenu, [userId, richMenuId], cancellationToken);
    }

    public Task UnlinkRichMenuFromUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return DeleteAsync(LineEndpoint.UserRichMenu, [userId], cancellationToken);
    }

    public Task LinkRichMenuToUsersAsync(string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        LineRichMenuLimits.EnsureBulkUserCount(userIds);
        return PostAsync(LineEndpoint.BulkLinkRichMenu, new BulkLinkBody(richMenuId, userIds), [], cancellationToken);
    }

    public Task UnlinkRichMenuFromUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        LineRichMenuLimits.EnsureBulkUserCount(userIds);
        return PostAsync(LineEndpoint.BulkUnlinkRichMenu, new BulkUnlinkBody(userIds), [], cancellationToken);
    }

    public Task CreateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        LineRichMenuLimits.EnsureAliasId(richMenuAliasId);
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return PostAsync(LineEndpoint.CreateRichMenuAlias, new LineRichMenuAlias(richMenuAliasId, richMenuId), [], cancellationToken);
    }

    public Task UpdateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        LineRichMenuLimits.EnsureAliasId(richMenuAliasId);
        ArgumentException.ThrowIfNullOrEmpty(richMenuId);
        return PostAsync(LineEndpoint.RichMenuAlias, new AliasTargetBody(richMenuId), [richMenuAliasId], cancellationToken);
    }

    public Task DeleteRichMenuAliasAsync(string richMenuAliasId, CancellationToken cancellationToken = default)
    {
        LineRichMenuLimits.EnsureAliasId(richMenuAliasId);
        return DeleteAsync(LineEndpoint.RichMenuAlias, [richMenuAliasId], cancellationToken);
    }

    public async Task<IReadOnlyList<LineRichMenuAlias>> ListRichMenuAliasesAsync(CancellationToken cancellationToken = default) =>
        (await GetJsonAsync<AliasListBody>(LineEndpoint.RichMenuAliasList, cancellationToken)).Aliases;

    private async Task PostAsync<TBody>(LineEndpoint endpoint, TBody body, string[] pathParameters, CancellationToken cancellationToken)
    {
        using var request = JsonRequest(endpoint, body, pathParameters);
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, cancellationToken);
    }

    private async Task PostWithoutBodyAsync(LineEndpoint endpoint, string[] pathParameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.UrlFor(channel, pathParameters));
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, cancellationToken);
    }

    private async Task DeleteAsync(LineEndpoint endpoint, string[] pathParameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, endpoint.UrlFor(channel, pathParameters));
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, cancellationToken);
    }

    private sealed record RichMenuIdBody(string RichMenuId);

    private sealed record RichMenuListBody(IReadOnlyList<LineRichMenuSummary> Richmenus);

    private sealed record AliasListBody(IReadOnlyList<LineRichMenuAlias> Aliases);

    private sealed record BulkLinkBody(string RichMenuId, IReadOnlyList<string> UserIds);

    private sealed record BulkUnlinkBody(IReadOnlyList<string> UserIds);

    private sealed record AliasTargetBody(string RichMenuId);
}
