using System.Net;
using System.Text.Json.Nodes;
using SmartBranch.IntegrationTests.Infrastructure;

namespace SmartBranch.IntegrationTests.Hosting;

/// <summary>Prometheus scrapes <c>/metrics</c>: the webhook's latency by route, LINE API calls by status, backlogs.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_show_webhook_latency_by_route_LINE_API_calls_by_status_and_the_backlog()
    {
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite);
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(LineTestBed.HirakawaStaging, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, """{"destination":"U0","events":[]}""", signature: "forged");

        var metrics = await Eventually.GetAsync(
            () => bed.Server.GetStringAsync("/metrics"),
            text => text.Contains("smartbranch_line_api_requests_total", StringComparison.Ordinal),
            "LINE API calls in the metrics");

        Assert.Matches("""http_server_request_duration_seconds_count\{[^}]*http_response_status_code="200"[^}]*http_route="/line/\{tenant\}/\{env\}/webhook"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""http_server_request_duration_seconds_count\{[^}]*http_response_status_code="401"[^}]*http_route="/line/\{tenant\}/\{env\}/webhook"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""smartbranch_line_api_requests_total\{[^}]*endpoint="/v2/bot/message/reply"[^}]*status="200"[^}]*\} [1-9]""", metrics);
        Assert.Contains("smartbranch_outbox_messages{", metrics, StringComparison.Ordinal);
        Assert.Contains("smartbranch_line_webhook_events{", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_not_served_outside_the_allowed_networks()
    {
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, extraSettings: new Dictionary<string, string?>
        {
            ["Metrics:AllowedNetworks"] = "10.0.0.0/8",
        });

        var response = await bed.Server.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
