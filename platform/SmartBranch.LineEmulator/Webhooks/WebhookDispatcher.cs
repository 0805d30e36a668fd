using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Webhooks;

/// <summary>Signs and POSTs webhook bodies to a channel's webhook URL; a non-2xx answer or an unreachable URL is
/// redelivered after each of <see cref="LineEmulatorOptions.WebhookRedeliveryDelays"/> with the same
/// <c>webhookEventId</c> and <c>deliveryContext.isRedelivery = true</c>
/// (https://developers.line.biz/en/docs/messaging-api/receiving-messages/#webhook-redelivery).</summary>
internal sealed partial class WebhookDispatcher(EmulatorState state, ILogger<WebhookDispatcher> logger) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _redeliveries = new();
    private int _disposed;

    /// <summary>Delivers one event; returns the webhook's HTTP status, or null when there is no URL or it is unreachable.</summary>
    public async Task<int?> DeliverAsync(ChannelState channel, JsonObject webhookEvent, CancellationToken ct)
    {
        if (channel.Config.WebhookUrl is null)
        {
            return null;
        }

        var status = await PostAsync(channel, webhookEvent, isRedelivery: false, ct);
        if (status is not (>= 200 and < 300))
        {
            var task = RedeliverAsync(channel, webhookEvent);
            _redeliveries.TryAdd(task, 0);
            _ = task.ContinueWith(t => _redeliveries.TryRemove(t, out _), TaskScheduler.Default);
        }

        return status;
    }

    /// <summary>Stops pending redeliveries and waits for them. Idempotent (the server and the container both call it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_redeliveries.Keys);
        }
        catch (OperationCanceledException)
        {
            // Redeliveries stop with the emulator.
        }

        _stopping.Dispose();
        _http.Dispose();
    }

    private async Task RedeliverAsync(ChannelState channel, JsonObject webhookEvent)
    {
        var ct = _stopping.Token;
        foreach (var delay in state.Options.EffectiveWebhookRedeliveryDelays)
        {
            try
            {
                await Task.Delay(delay, state.Time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var status = await PostAsync(channel, webhookEvent, isRedelivery: true, ct);
            if (status is >= 200 and < 300 || ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<int?> PostAsync(ChannelState channel, JsonObject webhookEvent, bool isRedelivery, CancellationToken ct)
    {
        var config = channel.Config;
        if (config.WebhookUrl is null)
        {
            return null;
        }

        var evt = (JsonObject)webhookEvent.DeepClone();
        evt["deliveryContext"] = new JsonObject { ["isRedelivery"] = isRedelivery };
        var body = new JsonObject { ["destination"] = config.BotUserId, ["events"] = new JsonArray(evt) };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, config.WebhookUrl);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(LineHeaders.Signature, WebhookSigner.Sign(config.ChannelSecret, bytes));
        request.Headers.UserAgent.ParseAdd("LineBotWebhook/2.0");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogUnreachable(logger, config.ChannelId, ex.GetType().Name);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of channel {ChannelId} unreachable ({Error}); will redeliver")]
    private static partial void LogUnreachable(ILogger logger, string channelId, string error);
}
