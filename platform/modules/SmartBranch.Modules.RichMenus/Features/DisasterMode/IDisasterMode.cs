namespace SmartBranch.Modules.RichMenus.Features.DisasterMode;

/// <summary>
/// Disaster mode (防災モード) of the current tenant environment: while it is on, every resident sees the disaster menu.
/// Switching is idempotent (switching on what is on changes nothing) and safe when two processes switch at once.
/// </summary>
public interface IDisasterMode
{
    Task<DisasterModeStatus> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// On: the published disaster menu becomes the channel's default, every resident's own menu is unlinked in the
    /// background, and an emergency delivery draft is prepared. Off: the published default menu is the default again
    /// and the segments' and residents' menus are linked again in the background. Both are audited.
    /// </summary>
    /// <exception cref="Publish.RichMenuPublishException">The menu to show is not published, or LINE cannot be reached.</exception>
    /// <exception cref="Domain.RichMenuForbiddenException">The staff member may not switch disaster mode.</exception>
    Task<DisasterModeStatus> SwitchAsync(bool on, CancellationToken cancellationToken);
}

/// <param name="SwitchedAt">When it was last switched (UTC); null if never.</param>
/// <param name="DraftDeliveryId">The emergency delivery draft prepared when it was last switched on.</param>
/// <param name="DisasterMenuPublished">Whether the disaster menu is on LINE, so that disaster mode can be switched on.</param>
public sealed record DisasterModeStatus(bool IsOn, DateTimeOffset? SwitchedAt, Guid? DraftDeliveryId, bool DisasterMenuPublished);
