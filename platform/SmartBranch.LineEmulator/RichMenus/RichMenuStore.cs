using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.RichMenus;

/// <summary>One channel's rich menus, aliases, per-user links and default menu. Thread-safe.</summary>
internal sealed class RichMenuStore
{
    private readonly Lock _defaultGate = new();
    private string? _defaultMenuId;

    public ConcurrentDictionary<string, RichMenu> Menus { get; } = new(StringComparer.Ordinal);

    /// <summary>Alias id → rich menu id.</summary>
    public ConcurrentDictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>User id → rich menu id linked to that user.</summary>
    public ConcurrentDictionary<string, string> UserLinks { get; } = new(StringComparer.Ordinal);

    public string? DefaultMenuId
    {
        get
        {
            lock (_defaultGate)
            {
                return _defaultMenuId;
            }
        }

        set
        {
            lock (_defaultGate)
            {
                _defaultMenuId = value;
            }
        }
    }

    /// <summary>Removes a menu and everything that points at it.</summary>
    /// <summary>The menu a user sees: the one linked to them, else the default (LINE's precedence for menus set by the API).</summary>
    public (RichMenu Menu, bool LinkedToUser)? EffectiveMenuFor(string userId)
    {
        if (UserLinks.TryGetValue(userId, out var linkedId) && Menus.TryGetValue(linkedId, out var linked))
        {
            return (linked, true);
        }

        return DefaultMenuId is { } defaultId && Menus.TryGetValue(defaultId, out var fallback) ? (fallback, false) : null;
    }

    public bool Delete(string richMenuId)
    {
        if (!Menus.TryRemove(richMenuId, out _))
        {
            return false;
        }

        foreach (var link in UserLinks.Where(l => l.Value == richMenuId))
        {
            UserLinks.TryRemove(link);
        }

        foreach (var alias in Aliases.Where(a => a.Value == richMenuId))
        {
            Aliases.TryRemove(alias);
        }

        lock (_defaultGate)
        {
            if (_defaultMenuId == richMenuId)
            {
                _defaultMenuId = null;
            }
        }

        return true;
    }
}

/// <summary>A rich menu: its definition and, once uploaded, its image (which can never be replaced).</summary>
internal sealed class RichMenu(string id, JsonObject definition)
{
    private RichMenuImage? _image;

    public string Id { get; } = id;

    public JsonObject Definition { get; } = definition;

    public RichMenuImage? Image => Volatile.Read(ref _image);

    /// <summary>The rich menu response object: the definition with its <c>richMenuId</c>.</summary>
    public JsonObject ToJson()
    {
        var response = new JsonObject { ["richMenuId"] = Id };
        foreach (var (key, value) in Definition)
        {
            response[key] = value?.DeepClone();
        }

        return response;
    }

    /// <summary>Sets the image once; false when an image was already uploaded.</summary>
    public bool TrySetImage(RichMenuImage image) => Interlocked.CompareExchange(ref _image, image, null) is null;
}

internal sealed record RichMenuImage(byte[] Data, string ContentType);
