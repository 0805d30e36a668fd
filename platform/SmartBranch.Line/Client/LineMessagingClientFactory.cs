using SmartBranch.Line.RichMenus;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Line.Client;

internal sealed class LineMessagingClientFactory(
    IHttpClientFactory httpClientFactory, LineRateLimiterRegistry rateLimiters, ILogger<LineMessagingClient> logger)
    : ILineMessagingClientFactory, ILineRichMenuClientFactory
{
    public const string HttpClientName = "SmartBranch.Line";

    public ILineMessagingClient Create(LineChannel channel) => CreateClient(channel);

    ILineRichMenuClient ILineRichMenuClientFactory.Create(LineChannel channel) => CreateClient(channel);

    private LineMessagingClient CreateClient(LineChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new LineMessagingClient(httpClientFactory.CreateClient(HttpClientName), channel, rateLimiters.For(channel.ChannelId), logger);
    }
}
