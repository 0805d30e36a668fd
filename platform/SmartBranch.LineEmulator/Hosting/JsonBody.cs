using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SmartBranch.LineEmulator.Hosting;

/// <summary>Reads a JSON request body the way LINE reports problems with it.</summary>
internal static class JsonBody
{
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        try
        {
            var node = JsonNode.Parse(buffer.ToArray());
            return node is JsonObject obj
                ? (obj, null)
                : (null, LineErrors.Error(StatusCodes.Status400BadRequest, "The request body could not be parsed as JSON (line: 1, column: 1)"));
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return (null, LineErrors.Error(
                StatusCodes.Status400BadRequest,
                $"The request body could not be parsed as JSON (line: {line}, column: {column})"));
        }
    }

    public static string? GetString(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
