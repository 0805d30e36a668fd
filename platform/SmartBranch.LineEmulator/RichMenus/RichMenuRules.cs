using System.Text.Json.Nodes;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.RichMenus;

/// <summary>LINE's rules for rich menu objects and images
/// (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object,
/// https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image).</summary>
internal static class RichMenuRules
{
    public const int MinWidth = 800;
    public const int MaxWidth = 2500;
    public const int MinHeight = 250;
    public const double MinAspectRatio = 1.45;
    public const int MaxImageBytes = 1024 * 1024;
    public const int MaxAreas = 20;
    public const int MaxNameLength = 300;
    public const int MaxChatBarTextLength = 14;

    /// <summary>A channel can hold up to 1,000 rich menus and 1,000 aliases.</summary>
    public const int MaxPerChannel = 1000;

    public static List<ErrorDetail> Validate(JsonObject menu)
    {
        var errors = new List<ErrorDetail>();
        var width = Long(menu["size"]?["width"]);
        var height = Long(menu["size"]?["height"]);
        if (width is null or < MinWidth or > MaxWidth)
        {
            errors.Add(new($"Must be between {MinWidth} and {MaxWidth}", "size.width"));
        }

        if (height is null or < MinHeight)
        {
            errors.Add(new($"Must be {MinHeight} or more", "size.height"));
        }
        else if (width is not null && (double)width / height < MinAspectRatio)
        {
            errors.Add(new($"The aspect ratio (width / height) must be {MinAspectRatio} or more", "size"));
        }

        if (menu["selected"] is not JsonValue selected || !selected.TryGetValue<bool>(out _))
        {
            errors.Add(new("May not be null", "selected"));
        }

        CheckText(menu, "name", MaxNameLength, errors);
        CheckText(menu, "chatBarText", MaxChatBarTextLength, errors);

        if (menu["areas"] is not JsonArray areas)
        {
            errors.Add(new("May not be null", "areas"));
            return errors;
        }

        if (areas.Count > MaxAreas)
        {
            errors.Add(new($"Size must be between 0 and {MaxAreas}", "areas"));
        }

        for (var i = 0; i < areas.Count; i++)
        {
            var bounds = areas[i]?["bounds"];
            long? x = Long(bounds?["x"]), y = Long(bounds?["y"]), w = Long(bounds?["width"]), h = Long(bounds?["height"]);
            if (x is null or < 0 || y is null or < 0 || w is null or < 1 || h is null or < 1
                || (width is not null && x + w > width) || (height is not null && y + h > height))
            {
                errors.Add(new("The bounds must lie within the rich menu", $"areas[{i}].bounds"));
            }

            if (areas[i]?["action"] is not JsonObject action || action.GetString("type") is null)
            {
                errors.Add(new("May not be null", $"areas[{i}].action"));
            }
        }

        return errors;
    }

    /// <summary>Checks an uploaded image; returns the problem, or null when LINE would accept it.</summary>
    public static string? CheckImage(ImageInfo? image)
    {
        if (image is null)
        {
            return "The image must be a JPEG or PNG file";
        }

        if (image.Width is < MinWidth or > MaxWidth)
        {
            return $"The image width must be between {MinWidth} and {MaxWidth} pixels";
        }

        if (image.Height < MinHeight)
        {
            return $"The image height must be {MinHeight} pixels or more";
        }

        return (double)image.Width / image.Height < MinAspectRatio
            ? $"The image aspect ratio (width / height) must be {MinAspectRatio} or more"
            : null;
    }

    private static void CheckText(JsonObject menu, string name, int max, List<ErrorDetail> errors)
    {
        var value = menu.GetString(name);
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new("May not be empty", name));
        }
        else if (value.Length > max)
        {
            errors.Add(new($"Length must be between 1 and {max}", name));
        }
    }

    private static long? Long(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
