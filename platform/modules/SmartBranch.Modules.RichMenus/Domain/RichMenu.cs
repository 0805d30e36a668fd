using System.Text.Json;
using System.Text.Json.Serialization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>
/// A rich menu of a tenant environment as staff author it: its image (stored in the media store, never changed:
/// a new image makes a new menu, as on LINE), its size, which is the image's, and its tappable areas.
/// </summary>
public sealed class RichMenu : ITenantOwned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private RichMenu()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Name { get; private set; } = "";
    public string ChatBarText { get; private set; } = "";
    public RichMenuRole Role { get; private set; }
    public string? TabAliasId { get; private set; }

    /// <summary>Whether the menu is open, rather than only its bar, when a resident first sees it.</summary>
    public bool OpenedAtFirst { get; private set; }
    public int Width { get; private init; }
    public int Height { get; private init; }

    /// <summary>The JPEG in the tenant environment's media store.</summary>
    public string ImageFileName { get; private init; } = "";
    public string AreasJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<RichMenuArea> Areas => JsonSerializer.Deserialize<List<RichMenuArea>>(AreasJson, Json) ?? [];

    internal static RichMenu Create(RichMenuDraft draft, int width, int height, string imageFileName, string staffId, DateTimeOffset now)
    {
        var menu = new RichMenu { Width = width, Height = height, ImageFileName = imageFileName, CreatedAt = now };
        menu.Apply(draft, staffId, now);
        return menu;
    }

    /// <exception cref="RichMenuRuleException">The draft breaks LINE's rules; nothing changed.</exception>
    internal void Apply(RichMenuDraft draft, string staffId, DateTimeOffset now)
    {
        var problems = RichMenuRules.Check(draft, Width, Height);
        if (problems.Count > 0)
        {
            throw new RichMenuRuleException(problems);
        }

        Name = draft.Name.Trim();
        ChatBarText = draft.ChatBarText.Trim();
        Role = draft.Role;
        TabAliasId = draft.Role is RichMenuRole.Tab or RichMenuRole.Default ? draft.TabAliasId : null;
        OpenedAtFirst = draft.OpenedAtFirst;
        AreasJson = JsonSerializer.Serialize(draft.Areas, Json);
        UpdatedAt = now;
        UpdatedBy = staffId;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public RichMenuDraft ToDraft() => new(Name, ChatBarText, Role, TabAliasId, OpenedAtFirst, Areas);
}
