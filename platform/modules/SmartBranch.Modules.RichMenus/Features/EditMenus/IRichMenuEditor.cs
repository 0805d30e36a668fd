using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.Modules.RichMenus.Features.EditMenus;

/// <summary>The rich menus of the current tenant environment, as staff list, create and edit them.</summary>
public interface IRichMenuEditor
{
    Task<IReadOnlyList<RichMenuSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The menu, or null when the environment has no such menu.</summary>
    Task<RichMenuDetails?> GetAsync(Guid menuId, CancellationToken cancellationToken);

    /// <summary>What LINE would refuse about an image before staff build a menu on it.</summary>
    /// <exception cref="Images.RichMenuImageException">Not a JPEG or PNG picture.</exception>
    RichMenuImageInspection InspectImage(ReadOnlySpan<byte> file);

    /// <summary>The offer for an image LINE would refuse: scaled and compressed to fit.</summary>
    /// <exception cref="Images.RichMenuImageException">Scaling cannot mend it (its aspect ratio), or it is unreadable.</exception>
    byte[] FitImage(ReadOnlySpan<byte> file);

    /// <summary>A new menu on <paramref name="image"/>, whose size becomes the menu's.</summary>
    /// <exception cref="RichMenuRuleException">The image or the draft breaks LINE's rules; nothing is stored.</exception>
    Task<Guid> CreateAsync(RichMenuDraft draft, ReadOnlyMemory<byte> image, CancellationToken cancellationToken);

    /// <summary>Changes everything but the image.</summary>
    /// <param name="concurrencyStamp">The stamp of the version the staff member edited.</param>
    /// <exception cref="RichMenuRuleException">The draft breaks the rules, or someone else changed the menu first.</exception>
    Task UpdateAsync(Guid menuId, RichMenuDraft draft, Guid concurrencyStamp, CancellationToken cancellationToken);

    /// <summary>
    /// What LINE's validate API says of the menu on an image of <paramref name="width"/> × <paramref name="height"/>,
    /// in Japanese by field; empty when LINE would take it. Creates nothing on LINE and stores nothing.
    /// </summary>
    Task<IReadOnlyList<RichMenuProblem>> ValidateWithLineAsync(RichMenuDraft draft, int width, int height, CancellationToken cancellationToken);

    /// <summary>The menu's stored JPEG, for the preview; null when the menu does not exist.</summary>
    Task<Stream?> OpenImageAsync(Guid menuId, CancellationToken cancellationToken);
}

public sealed record RichMenuSummary(
    Guid Id, string Name, string ChatBarText, RichMenuRole Role, string? TabAliasId, int Width, int Height, int AreaCount, DateTimeOffset UpdatedAt);

public sealed record RichMenuDetails(Guid Id, RichMenuDraft Draft, int Width, int Height, Guid ConcurrencyStamp, DateTimeOffset UpdatedAt);
