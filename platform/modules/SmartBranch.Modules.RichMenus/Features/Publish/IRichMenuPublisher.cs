using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>The current tenant environment's menus on its LINE channel: what is published, publishing, and promotion to production.</summary>
public interface IRichMenuPublisher
{
    /// <summary>Each menu and whether LINE shows its latest version.</summary>
    Task<RichMenuPublishing> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks the menu with LINE's validate API, creates it with its image, points its tab alias and (for the default menu,
    /// or the disaster menu while disaster mode is on) the channel's default at it, then deletes the version it replaces.
    /// </summary>
    /// <exception cref="RichMenuPublishException">LINE refuses the menu, or the hour's creations are used up.</exception>
    /// <exception cref="RichMenuForbiddenException">The staff member may not publish.</exception>
    Task PublishAsync(Guid menuId, CancellationToken cancellationToken);

    /// <summary>
    /// Staging only: makes production's menus those of staging, creating each on the production channel, and deletes
    /// production's menus staging no longer has, from our records and from LINE.
    /// </summary>
    /// <exception cref="RichMenuPublishException">Not staging, LINE refuses a menu, or the hour's creations are used up.</exception>
    /// <exception cref="RichMenuForbiddenException">The staff member may not publish.</exception>
    Task<RichMenuPromotionResult> PromoteAsync(CancellationToken cancellationToken);
}

/// <param name="CreationsLeftThisHour">How many more menus LINE lets the channel create now.</param>
public sealed record RichMenuPublishing(IReadOnlyList<RichMenuPublishState> Menus, int CreationsLeftThisHour, bool IsStaging);

public sealed record RichMenuPublishState(
    Guid MenuId, string Name, RichMenuRole Role, string? TabAliasId, RichMenuPublishStatus Status, DateTimeOffset? PublishedAt);

public enum RichMenuPublishStatus
{
    NotPublished,
    Published,

    /// <summary>Published, then edited: residents still see the older version.</summary>
    ChangedSincePublished,
}

/// <param name="Published">Names of the menus created on the production channel.</param>
/// <param name="Removed">Names of production's menus that staging no longer has, now deleted.</param>
public sealed record RichMenuPromotionResult(IReadOnlyList<string> Published, IReadOnlyList<string> Removed);
