namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>
/// The LINE emoji the picker offers: sets any LINE Official Account may send, with their ids as LINE's emoji list
/// gives them (https://developers.line.biz/en/docs/messaging-api/emoji-list/).
/// </summary>
public static class LineEmojiCatalog
{
    public static IReadOnlyList<LineEmojiSet> Sets { get; } =
    [
        new("5ac1bfd5040ab15980c9b435", "EmojiSetBasic", Numbered(1, 40)),
    ];

    private static List<string> Numbered(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(n => n.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <param name="NameKey">The key of the set's name in <see cref="ComposeText"/>.</param>
public sealed record LineEmojiSet(string ProductId, string NameKey, IReadOnlyList<string> EmojiIds);
