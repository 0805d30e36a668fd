using System.Text.RegularExpressions;

namespace SmartBranch.Line.RichMenus;

/// <summary>
/// LINE's published limits on rich menus, images, aliases and bulk calls
/// (https://developers.line.biz/en/reference/messaging-api/#rich-menu, #rate-limits).
/// </summary>
public static partial class LineRichMenuLimits
{
    public const int MinImageWidth = 800;
    public const int MaxImageWidth = 2500;
    public const int MinImageHeight = 250;
    public const double MinAspectRatio = 1.45;
    public const int MaxImageBytes = 1024 * 1024;
    public const int MaxAreas = 20;
    public const int MaxNameLength = 300;
    public const int MaxChatBarTextLength = 14;

    /// <summary>User ids per bulk link or unlink call.</summary>
    public const int MaxBulkUsers = 500;

    /// <summary>Rich menus a channel can hold.</summary>
    public const int MaxMenusPerChannel = 1000;

    /// <summary>Rich menus a channel may create through the API per hour (deletions have the same limit).</summary>
    public const int MaxCreationsPerHour = 100;

    /// <summary>Whether <paramref name="aliasId"/> is an alias id LINE accepts: 1–32 of a–z, 0–9, <c>_</c> and <c>-</c>.</summary>
    public static bool IsAliasId(string? aliasId) => aliasId is not null && AliasIdPattern().IsMatch(aliasId);

    internal static void EnsureBulkUserCount(IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count is 0 or > MaxBulkUsers)
        {
            throw new ArgumentException(
                $"A bulk rich menu call takes 1 to {MaxBulkUsers} user ids; this one has {userIds.Count}. Split larger groups into several calls.",
                nameof(userIds));
        }
    }

    internal static void EnsureAliasId(string aliasId)
    {
        if (!IsAliasId(aliasId))
        {
            throw new ArgumentException("A rich menu alias id is 1 to 32 characters of a-z, 0-9, '_' and '-'.", nameof(aliasId));
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex AliasIdPattern();
}
