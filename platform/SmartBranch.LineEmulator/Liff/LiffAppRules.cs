using System.Text.Json.Nodes;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.Liff;

/// <summary>LINE's rules for LIFF app settings (https://developers.line.biz/en/reference/liff-server/#add-liff-app).</summary>
internal static class LiffAppRules
{
    /// <summary>"You can add up to 30 LIFF apps to one channel."</summary>
    public const int MaxPerChannel = 30;

    private static readonly string[] s_viewTypes = ["compact", "tall", "full"];
    private static readonly string[] s_scopes = ["openid", "email", "profile", "chat_message.write"];
    private static readonly string[] s_botPrompts = ["normal", "aggressive", "none"];

    /// <summary>Checks the settings of a new app (<paramref name="isUpdate"/> false: <c>view</c> with type and url is
    /// required) or of an update (every field optional).</summary>
    public static List<ErrorDetail> Validate(JsonObject settings, bool isUpdate)
    {
        var errors = new List<ErrorDetail>();
        if (settings["view"] is JsonObject view)
        {
            CheckOneOf(view, "type", s_viewTypes, "view.type", required: !isUpdate, errors);
            CheckEndpointUrl(view, required: !isUpdate, errors);
        }
        else if (!isUpdate || settings["view"] is not null)
        {
            errors.Add(new("May not be null", "view"));
        }

        if (settings.GetString("description") is { } description && description.Contains("LINE", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("The LIFF app name can't include \"LINE\"", "description"));
        }

        if (settings["permanentLinkPattern"] is not null && settings.GetString("permanentLinkPattern") != "concat")
        {
            errors.Add(new("Must be concat", "permanentLinkPattern"));
        }

        if (settings["scope"] is JsonArray scope)
        {
            for (var i = 0; i < scope.Count; i++)
            {
                if (scope[i] is not JsonValue value || !value.TryGetValue<string>(out var name) || !s_scopes.Contains(name))
                {
                    errors.Add(new($"Must be one of the following values: [{string.Join(", ", s_scopes)}]", $"scope[{i}]"));
                }
            }
        }
        else if (settings["scope"] is not null)
        {
            errors.Add(new("Must be an array", "scope"));
        }

        CheckOneOf(settings, "botPrompt", s_botPrompts, "botPrompt", required: false, errors);
        return errors;
    }

    /// <summary>A new app's settings with LINE's defaults for the fields left out.</summary>
    public static JsonObject WithDefaults(JsonObject settings)
    {
        var copy = (JsonObject)settings.DeepClone();
        copy["permanentLinkPattern"] ??= "concat";
        copy["scope"] ??= new JsonArray("profile", "chat_message.write");
        copy["botPrompt"] ??= "none";
        return copy;
    }

    /// <summary>An absolute URL without a fragment. LINE requires https; the emulator also accepts http on loopback
    /// hosts so that a server on a developer's machine (http://localhost:5080) can be a LIFF endpoint.</summary>
    private static void CheckEndpointUrl(JsonObject view, bool required, List<ErrorDetail> errors)
    {
        var text = view.GetString("url");
        if (text is null && !required && view["url"] is null)
        {
            return;
        }

        var valid = Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            && string.IsNullOrEmpty(url.Fragment);
        if (!valid)
        {
            errors.Add(new("Must be an https URL without a fragment", "view.url"));
        }
    }

    private static void CheckOneOf(JsonObject obj, string name, string[] allowed, string property, bool required, List<ErrorDetail> errors)
    {
        if (obj[name] is null && !required)
        {
            return;
        }

        if (obj.GetString(name) is not { } value || !allowed.Contains(value))
        {
            errors.Add(new($"Must be one of the following values: [{string.Join(", ", allowed)}]", property));
        }
    }
}
