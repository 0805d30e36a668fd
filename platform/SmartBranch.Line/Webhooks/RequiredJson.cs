using System.Text.Json;

namespace SmartBranch.Line.Webhooks;

/// <summary>Reads of the webhook fields this client cannot do without.</summary>
internal static class RequiredJson
{
    /// <exception cref="LineWebhookFormatException">The field is missing or not a string.</exception>
    public static string GetRequiredString(this JsonElement e, string name, string where) =>
        e.GetStringOrNull(name) ?? throw new LineWebhookFormatException($"{where} has no {name}.");

    /// <exception cref="LineWebhookFormatException">The field is missing or not a number.</exception>
    public static double GetRequiredDouble(this JsonElement e, string name, string where) =>
        e.GetDoubleOrNull(name) ?? throw new LineWebhookFormatException($"{where} has no {name}.");
}
