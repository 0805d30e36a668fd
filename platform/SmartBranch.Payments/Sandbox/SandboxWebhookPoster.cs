using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Payments.Sandbox;

/// <summary>
/// Posts the sandbox's signed events to a webhook of this server: at once for a paid checkout (the page waits for the
/// answer), a moment later for a refund (as Stripe's arrive), retried while the webhook does not accept it.
/// </summary>
public sealed partial class SandboxWebhookPoster(IHttpClientFactory httpClients, TimeProvider clock, ILogger<SandboxWebhookPoster> logger) : BackgroundService
{
    public const string HttpClientName = "SmartBranch.Payments.Sandbox";

    private const int Attempts = 6;

    private readonly Channel<(Uri Webhook, byte[] Key, SandboxEvent Event)> _later = Channel.CreateUnbounded<(Uri, byte[], SandboxEvent)>();

    /// <returns>Whether the webhook accepted the event.</returns>
    public async Task<bool> PostAsync(Uri webhook, byte[] key, SandboxEvent sandboxEvent, CancellationToken cancellationToken)
    {
        var payload = sandboxEvent.ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(SandboxSignature.HeaderName, SandboxSignature.Compute(key, payload, clock.GetUtcNow()));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, sandboxEvent.Type, sandboxEvent.Id, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, sandboxEvent.Type, sandboxEvent.Id, e.Message);
            return false;
        }
    }

    public void PostLater(Uri webhook, byte[] key, SandboxEvent sandboxEvent) => _later.Writer.TryWrite((webhook, key, sandboxEvent));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (webhook, key, sandboxEvent) in _later.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 1; attempt <= Attempts && !await PostAsync(webhook, key, sandboxEvent, stoppingToken); attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment webhook refused the sandbox's {Type} event {EventId} with {Status}")]
    private static partial void LogRefused(ILogger logger, string type, string eventId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox could not post its {Type} event {EventId} to the payment webhook: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string type, string eventId, string reason);
}
