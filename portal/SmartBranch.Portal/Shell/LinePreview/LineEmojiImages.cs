namespace SmartBranch.Portal.Shell.LinePreview;

/// <summary>
/// Where LINE publishes the picture of a LINE emoji (the addresses of LINE's emoji list,
/// https://developers.line.biz/en/docs/messaging-api/emoji-list/); the portal's Content-Security-Policy allows this host for images.
/// </summary>
public static class LineEmojiImages
{
    public const string Origin = "https://stickershop.line-scdn.net";

    public static string Url(string productId, string emojiId) =>
        $"{Origin}/sticonshop/v1/sticon/{Uri.EscapeDataString(productId)}/iPhone/{Uri.EscapeDataString(emojiId)}.png";
}
