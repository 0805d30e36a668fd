using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartBranch.Line.Client;

/// <summary>
/// Counts and times every attempt at LINE's API (retries included, so 429s show), by endpoint
/// template and status: meter <c>SmartBranch.Line</c>. Never a channel's token or a user id.
/// </summary>
internal sealed class LineApiMetricsHandler : DelegatingHandler
{
    public const string MeterName = "SmartBranch.Line";

    private static readonly HttpRequestOptionsKey<string> EndpointKey = new("SmartBranch.Line.Endpoint");
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "smartbranch.line.api.requests", "{request}", "Attempts at LINE's Messaging API, by endpoint and HTTP status (unreachable: no answer).");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "smartbranch.line.api.duration", "s", "How long LINE's Messaging API took to answer an attempt.");

    public static void Tag(HttpRequestMessage request, LineEndpoint endpoint) => request.Options.Set(EndpointKey, endpoint.PathTemplate);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.Options.TryGetValue(EndpointKey, out var template) ? template : "other";
        var started = Stopwatch.GetTimestamp();
        var status = "unreachable";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            var tags = new TagList { { "endpoint", endpoint }, { "status", status } };
            Requests.Add(1, tags);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
