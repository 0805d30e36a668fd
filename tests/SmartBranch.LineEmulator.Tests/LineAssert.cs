using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests;

internal static class LineAssert
{
    /// <summary>Asserts the status and LINE's error body; returns the body.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(body);
        Assert.Equal(message, body["message"]?.GetValue<string>());
        Assert.True(response.Headers.Contains("x-line-request-id"), "every response carries x-line-request-id");
        return body;
    }

    /// <summary>Asserts a 400 whose details name this property.</summary>
    public static async Task ValidationAsync(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body);
        Assert.StartsWith("The request body has ", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var properties = body["details"]!.AsArray().Select(d => d!["property"]!.GetValue<string>()).ToList();
        Assert.Contains(property, properties);
    }
}
