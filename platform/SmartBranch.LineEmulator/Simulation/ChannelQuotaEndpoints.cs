using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>
/// Sets a channel's monthly target limit, as a LINE Official Account's owner does in LINE Official Account
/// Manager: <c>POST /_sim/channels/{channelId}/quota</c> with <c>{ "limit": 1000 }</c>, or <c>{ "limit": null }</c>
/// for none. Not part of LINE; no authentication.
/// </summary>
internal static class ChannelQuotaEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/_sim/channels/{channelId}/quota", SetLimit);

    private static async Task<IResult> SetLimit(HttpContext http, EmulatorState state, string channelId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        if (state.FindChannel(channelId) is not { } channel)
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown channelId");
        }

        long? limit;
        switch (body["limit"])
        {
            case null when body.ContainsKey("limit"):
                limit = null;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n) && n >= 0:
                limit = n;
                break;
            default:
                return LineErrors.Validation([new("Must be a whole number of messages, 0 or more, or null for no limit", "limit")]);
        }

        channel.Quota.SetLimit(limit);
        return LineErrors.Ok(new
        {
            type = limit is null ? "none" : "limited",
            value = limit,
            totalUsage = channel.Quota.UsedAt(state.Time.GetUtcNow()),
        });
    }
}
