using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Line.Client;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Line;

public static class LineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILineMessagingClientFactory"/> and <see cref="ILineRichMenuClientFactory"/>: clients for any channel, sharing one pooled
    /// <see cref="HttpClient"/> with retries, and one rate limiter per channel id.
    /// </summary>
    public static IServiceCollection AddLineMessagingClient(this IServiceCollection services)
    {
        // A second call would stack a second resilience pipeline onto the HttpClient.
        if (services.Any(s => s.ServiceType == typeof(LineRateLimiterRegistry)))
        {
            return services;
        }

        services.AddSingleton(_ => new LineRateLimiterRegistry());
        services.AddSingleton(sp => new LineMessagingClientFactory(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<LineRateLimiterRegistry>(),
            sp.GetRequiredService<ILogger<LineMessagingClient>>()));
        services.AddSingleton<ILineMessagingClientFactory>(sp => sp.GetRequiredService<LineMessagingClientFactory>());
        services.AddSingleton<ILineRichMenuClientFactory>(sp => sp.GetRequiredService<LineMessagingClientFactory>());

        var client = services.AddHttpClient(LineMessagingClientFactory.HttpClientName, client =>
            {
                // The pipeline times each attempt; a request waiting for a rate-limit permit has not timed out.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient logs show request URLs, and a profile's URL holds the user id.
            .RemoveAllLoggers();
        client.AddResilienceHandler(LineResiliencePipeline.Name, LineResiliencePipeline.Configure);
        // Added after the resilience pipeline, so inside it: every attempt is counted, not only the last.
        client.AddHttpMessageHandler(() => new LineApiMetricsHandler());

        return services;
    }
}
