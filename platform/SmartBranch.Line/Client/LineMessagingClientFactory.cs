using Microsoft.Extensions.Logging;

namespace SmartBranch.Line.Client;

internal sealed class LineMessagingClientFactory(
    IHttpClientFactory httpClientFactory, LineRateLimiterRegistry rateLimiters, ILogger<LineMessagingClient> logger)
    : ILineMessagingClientFactory
{
    public const string HttpClientName = "SmartBranch.Line";

    public ILineMessagingClient Create(LineChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new LineMessagingClient(httpClientFactory.CreateClient(HttpClientName), channel, rateLimiters.For(channel.ChannelId), logger);
    }
}
