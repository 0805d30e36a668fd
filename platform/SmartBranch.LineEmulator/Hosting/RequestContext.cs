using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Hosting;

/// <summary>Per-request values the emulator's middleware and filters attach to the HttpContext.</summary>
internal static class RequestContext
{
    private const string RequestIdKey = "line.requestId";
    private const string ChannelKey = "line.channel";

    public static string RequestId(this HttpContext context) => (string)context.Items[RequestIdKey]!;

    public static void SetRequestId(this HttpContext context, string id) => context.Items[RequestIdKey] = id;

    /// <summary>The channel the bearer token identified (set by <see cref="ChannelAuthFilter"/>).</summary>
    public static ChannelState Channel(this HttpContext context) => (ChannelState)context.Items[ChannelKey]!;

    public static void SetChannel(this HttpContext context, ChannelState channel) => context.Items[ChannelKey] = channel;
}
