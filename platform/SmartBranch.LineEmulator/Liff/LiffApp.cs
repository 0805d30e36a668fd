using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Liff;

/// <summary>A LIFF app: its id and its settings as the LIFF server API returns them (view, description, features,
/// permanentLinkPattern, scope, botPrompt). Immutable; an update replaces it.</summary>
internal sealed record LiffApp(string LiffId, JsonObject Settings)
{
    public Uri EndpointUrl => new(Settings["view"]!["url"]!.GetValue<string>());

    public string ViewType => Settings["view"]!["type"]!.GetValue<string>();

    /// <summary>The settings with the fields in <paramref name="changes"/> replaced (<c>view</c> field by field).</summary>
    public LiffApp With(JsonObject changes)
    {
        var settings = (JsonObject)Settings.DeepClone();
        foreach (var (key, value) in changes)
        {
            if (key == "view" && value is JsonObject view)
            {
                foreach (var (viewKey, viewValue) in view)
                {
                    settings["view"]![viewKey] = viewValue?.DeepClone();
                }
            }
            else
            {
                settings[key] = value?.DeepClone();
            }
        }

        return this with { Settings = settings };
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["liffId"] = LiffId };
        foreach (var (key, value) in Settings)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }
}
