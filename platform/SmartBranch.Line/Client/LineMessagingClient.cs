using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using SmartBranch.Line.Messages;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Line.Client;

/// <summary>
/// <see cref="ILineMessagingClient"/> over the shared LINE <see cref="HttpClient"/>, whose pipeline retries and
/// rate-limits (<see cref="LineResiliencePipeline"/>). Logs carry endpoints, status codes and request ids only:
/// never tokens, user ids or message texts.
/// </summary>
internal sealed partial class LineMessagingClient(HttpClient http, LineChannel channel, LineChannelRateLimiter rateLimiter, ILogger logger)
    : ILineMessagingClient, ILineRichMenuClient
{
    private const string RetryKeyHeader = "X-Line-Retry-Key";
    private const string RequestIdHeader = "x-line-request-id";
    private const string AcceptedRequestIdHeader = "x-line-accepted-request-id";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToken);
        LineSendLimits.EnsureMessageCount(messages);

        using var request = JsonRequest(LineEndpoint.Reply, new ReplyRequest(replyToken, messages));
        using var response = await SendAsync(request, LineEndpoint.Reply, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, LineEndpoint.Reply, cancellationToken);
    }

    public Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        LineSendLimits.EnsureMessageCount(messages);
        EnsureRetryKey(retryKey);

        return SendWithRetryKeyAsync(LineEndpoint.Push, new PushRequest(to, messages), retryKey, cancellationToken);
    }

    public Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        LineSendLimits.EnsureMulticastRecipientCount(to);
        LineSendLimits.EnsureMessageCount(messages);
        EnsureRetryKey(retryKey);

        return SendWithRetryKeyAsync(LineEndpoint.Multicast, new MulticastRequest(to, messages), retryKey, cancellationToken);
    }

    public async Task<LineUserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);

        using var request = new HttpRequestMessage(HttpMethod.Get, LineEndpoint.Profile.UrlFor(channel, userId));
        using var response = await SendAsync(request, LineEndpoint.Profile, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadJsonAsync<LineUserProfile>(response, LineEndpoint.Profile, cancellationToken);
    }

    public async Task<LineMessageContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);

        using var request = new HttpRequestMessage(HttpMethod.Get, LineEndpoint.MessageContent.UrlFor(channel, messageId));
        var response = await SendAsync(request, LineEndpoint.MessageContent, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, LineEndpoint.MessageContent, cancellationToken);
            var headers = response.Content.Headers;
            // Disposing the stream releases the connection, which is all the response holds.
            return new LineMessageContent(await response.Content.ReadAsStreamAsync(cancellationToken), headers.ContentType?.MediaType, headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public Task<LineBotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<LineBotInfo>(LineEndpoint.BotInfo, cancellationToken);

    public async Task<LineMessageQuota> GetMessageQuotaAsync(CancellationToken cancellationToken = default)
    {
        var quota = await GetJsonAsync<QuotaBody>(LineEndpoint.MessageQuota, cancellationToken);
        var consumption = await GetJsonAsync<ConsumptionBody>(LineEndpoint.MessageQuotaConsumption, cancellationToken);
        return new LineMessageQuota(quota.Type == "limited" ? quota.Value : null, consumption.TotalUsage);
    }

    private async Task<T> GetJsonAsync<T>(LineEndpoint endpoint, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.UrlFor(channel));
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadJsonAsync<T>(response, endpoint, cancellationToken);
    }

    private sealed record QuotaBody(string Type, long? Value);

    private sealed record ConsumptionBody(long TotalUsage);

    /// <summary>
    /// Sends with <paramref name="retryKey"/> in <c>X-Line-Retry-Key</c> on every attempt, so LINE delivers at most
    /// once however often the request is repeated, here or by the caller.
    /// </summary>
    private async Task<LineSendResult> SendWithRetryKeyAsync<TBody>(LineEndpoint endpoint, TBody body, Guid retryKey, CancellationToken cancellationToken)
    {
        using var request = JsonRequest(endpoint, body);
        request.Headers.Add(RetryKeyHeader, retryKey.ToString("D"));
        using var response = await SendAsync(request, endpoint, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            // LINE had accepted a request with this key already: an earlier attempt went through.
            return new LineSendResult(Header(response, AcceptedRequestIdHeader), AlreadyAccepted: true);
        }

        await EnsureSuccessAsync(response, endpoint, cancellationToken);
        return new LineSendResult(Header(response, RequestIdHeader), AlreadyAccepted: false);
    }

    private static void EnsureRetryKey(Guid retryKey)
    {
        if (retryKey == Guid.Empty)
        {
            throw new ArgumentException("The retry key must identify this send; Guid.Empty would make every send look like a repeat.", nameof(retryKey));
        }
    }

    private HttpRequestMessage JsonRequest<TBody>(LineEndpoint endpoint, TBody body, params ReadOnlySpan<string> pathParameters) =>
        new(HttpMethod.Post, endpoint.UrlFor(channel, pathParameters))
        {
            // Serialized once, so that every retry repeats exactly the same bytes.
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, LineEndpoint endpoint, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.ChannelAccessToken);
        request.RateLimitWith(rateLimiter.For(endpoint.RateLimit));
        if (!endpoint.Retryable)
        {
            request.SendOnce();
        }

        LineApiMetricsHandler.Tag(request, endpoint);
        try
        {
            var response = await http.SendAsync(request, completion, cancellationToken);
            LineMessagingClientLog.Answered(logger, endpoint.PathTemplate, (int)response.StatusCode, Header(response, RequestIdHeader));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            LineMessagingClientLog.Unreachable(logger, endpoint.PathTemplate, e);
            throw new LineApiException($"LINE API {endpoint.PathTemplate} could not be reached.", e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, LineEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (message, details) = ParseError(body);
        var requestId = Header(response, RequestIdHeader);
        LineMessagingClientLog.Failed(logger, endpoint.PathTemplate, (int)response.StatusCode, requestId);
        throw new LineApiException(response.StatusCode, message, requestId, body, details);
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, LineEndpoint endpoint, CancellationToken cancellationToken)
        where T : class
    {
        await EnsureSuccessAsync(response, endpoint, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new LineApiException($"LINE API {endpoint.PathTemplate} answered with a body that is not a {typeof(T).Name}.", e);
        }
    }

    /// <summary>LINE's error body (https://developers.line.biz/en/reference/messaging-api/#error-responses), if the body is one.</summary>
    private static (string? Message, IReadOnlyList<LineApiErrorDetail> Details) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, []);
            }

            var details = root.EnumerateArrayOrEmpty("details")
                .Where(d => d.ValueKind == JsonValueKind.Object)
                .Select(d => new LineApiErrorDetail(d.GetStringOrNull("message"), d.GetStringOrNull("property")))
                .ToList();
            return (root.GetStringOrNull("message"), details);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record ReplyRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages);

    private sealed record PushRequest(string To, IReadOnlyList<LineMessage> Messages);

    private sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages);
}

internal static partial class LineMessagingClientLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "LINE {Endpoint} answered {StatusCode} (x-line-request-id {RequestId})")]
    public static partial void Answered(ILogger logger, string endpoint, int statusCode, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE {Endpoint} failed with {StatusCode} (x-line-request-id {RequestId})")]
    public static partial void Failed(ILogger logger, string endpoint, int statusCode, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE {Endpoint} could not be reached")]
    public static partial void Unreachable(ILogger logger, string endpoint, Exception exception);
}
