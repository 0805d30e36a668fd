using System.Collections.Concurrent;
using System.Net;

namespace SmartBranch.Line.Tests.Client;

/// <summary>
/// Stands in for LINE's hosts at the bottom of the client's HTTP pipeline: records every request that reaches the
/// network (with the time on <paramref name="clock"/>) and answers with the next scripted response, or 200
/// <c>{}</c> once the script is used up.
/// </summary>
internal sealed class FakeLineApi(TimeProvider clock) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public FakeLineApi Then(HttpStatusCode status, string body = "{}", string? requestId = null, params (string Name, string Value)[] headers) =>
        Then(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (requestId is not null)
            {
                response.Headers.Add("x-line-request-id", requestId);
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.Add(name, value);
            }

            return response;
        });

    public FakeLineApi ThenFailToConnect() => Then(_ => throw new HttpRequestException("Connection refused"));

    public FakeLineApi Then(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            clock.GetUtcNow(),
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("X-Line-Retry-Key", out var keys) ? keys.Single() : null,
            body));

        return _script.TryDequeue(out var respond)
            ? respond(request)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
    }
}

internal sealed record RecordedRequest(DateTimeOffset At, HttpMethod Method, Uri Uri, string? Authorization, string? RetryKey, string? Body);
