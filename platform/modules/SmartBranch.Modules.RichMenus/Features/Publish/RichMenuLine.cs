using System.Net;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Line.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>The current tenant environment's channel as the rich menu services use it: menus made, pointed at and shown.</summary>
internal sealed class RichMenuLine(ILineRichMenuClientFactory clients, ICurrentTenant tenant, RichMenuCreationLimit limit, IMediaStore media)
{
    private TenantContext Context => tenant.Required;

    public string ChannelId => Context.Environment.Line.ToChannel(ChannelKey).ChannelId;

    public ILineRichMenuClient Client
    {
        get
        {
            var line = Context.Environment.Line;
            return line.IsConfigured
                ? clients.Create(line.ToChannel(ChannelKey))
                : throw new RichMenuPublishException("この環境の LINE チャネルが設定されていないため、リッチメニューを LINE に反映できません。運用担当者にお問い合わせください。");
        }
    }

    private string ChannelKey => $"{Context.TenantSlug}/{Context.EnvironmentName}";

    /// <summary>Checks the menu with LINE, then creates it and uploads its image: the new menu's LINE id.</summary>
    /// <exception cref="RichMenuPublishException">LINE refuses the menu (its reasons named), or the hour's creations are used up.</exception>
    public async Task<string> CreateAsync(RichMenu menu, CancellationToken cancellationToken)
    {
        var client = Client;
        var lineMenu = ToLine(menu);
        try
        {
            await client.ValidateRichMenuAsync(lineMenu, cancellationToken);
        }
        catch (LineApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            throw Refused(e);
        }

        var image = await ImageAsync(menu, cancellationToken);
        var reservation = await limit.ReserveAsync(ChannelId, cancellationToken);
        string lineMenuId;
        try
        {
            lineMenuId = await client.CreateRichMenuAsync(lineMenu, cancellationToken);
        }
        catch (LineApiException e)
        {
            await limit.ReleaseAsync(reservation, CancellationToken.None);
            throw e.StatusCode == HttpStatusCode.BadRequest ? Refused(e) : Unreachable(e);
        }

        try
        {
            await client.UploadRichMenuImageAsync(lineMenuId, image, "image/jpeg", cancellationToken);
        }
        catch (LineApiException e)
        {
            // A menu without its image cannot be shown, and LINE takes an image only once: a new attempt makes a new menu.
            await client.DeleteRichMenuAsync(lineMenuId, CancellationToken.None);
            throw e.StatusCode == HttpStatusCode.BadRequest ? Refused(e) : Unreachable(e);
        }

        return lineMenuId;
    }

    /// <summary>Points the tab alias at the menu, creating the alias the first time.</summary>
    public async Task PointAliasAsync(string aliasId, string lineMenuId, CancellationToken cancellationToken)
    {
        var client = Client;
        var aliases = await client.ListRichMenuAliasesAsync(cancellationToken);
        if (aliases.Any(a => a.RichMenuAliasId == aliasId))
        {
            await client.UpdateRichMenuAliasAsync(aliasId, lineMenuId, cancellationToken);
        }
        else
        {
            await client.CreateRichMenuAliasAsync(aliasId, lineMenuId, cancellationToken);
        }
    }

    /// <summary>The menu as LINE takes it; our resident pages open in the environment's LIFF app.</summary>
    public LineRichMenu ToLine(RichMenu menu)
    {
        var draft = menu.ToDraft();
        var liffId = draft.Areas.Any(a => a.Action.Kind == RichMenuActionKind.LiffPage) ? LiffId() : null;
        return RichMenuLineObject.From(draft, menu.Width, menu.Height, liffId);
    }

    private string LiffId() => Context.Environment.Line.LiffId is { Length: > 0 } liffId
        ? liffId
        : throw new RichMenuPublishException("この環境には LIFF アプリが設定されていないため、住民向けページを開く領域を公開できません。運用担当者にお問い合わせください。");

    private async Task<byte[]> ImageAsync(RichMenu menu, CancellationToken cancellationToken)
    {
        var key = new MediaKey(Context.TenantSlug, Context.EnvironmentName, menu.ImageFileName);
        await using var stream = await media.OpenReadAsync(key, cancellationToken)
            ?? throw new RichMenuPublishException($"リッチメニュー「{menu.Name}」の画像が見つかりません。画像を選び直して、メニューを作り直してください。");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static RichMenuPublishException Refused(LineApiException e)
    {
        var details = e.Details.Count == 0
            ? e.LineMessage ?? ""
            : string.Join("／", e.Details.Select(d => d.Property is null ? d.Message : $"{d.Property}: {d.Message}"));
        return new RichMenuPublishException($"LINE がこのメニューを受け付けませんでした。メニューを直してから、もう一度公開してください。（LINE の回答: {details}）", e);
    }

    private static RichMenuPublishException Unreachable(LineApiException e) =>
        new("LINE とのやり取りに失敗したため、公開できませんでした。しばらくしてから、もう一度お試しください。", e);
}
