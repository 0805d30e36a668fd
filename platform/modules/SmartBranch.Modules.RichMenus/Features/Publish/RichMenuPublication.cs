using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>Which LINE rich menu shows a menu of ours on the environment's channel, and which version of it.</summary>
public sealed class RichMenuPublication : ITenantOwned
{
    private RichMenuPublication()
    {
    }

    public RichMenuPublication(Guid menuId) => MenuId = menuId;

    public Guid MenuId { get; private init; }
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary>LINE's id of the published menu.</summary>
    public string LineRichMenuId { get; private set; } = "";

    /// <summary>The menu's concurrency stamp when it was published: a different stamp means unpublished changes.</summary>
    public Guid PublishedVersion { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    internal void Record(string lineRichMenuId, Guid version, string publishedBy, DateTimeOffset now)
    {
        LineRichMenuId = lineRichMenuId;
        PublishedVersion = version;
        PublishedBy = publishedBy;
        PublishedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
