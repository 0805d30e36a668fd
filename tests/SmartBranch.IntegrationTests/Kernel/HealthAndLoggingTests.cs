using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartBranch.IntegrationTests.Infrastructure;

namespace SmartBranch.IntegrationTests.Kernel;

public sealed class HealthAndLoggingTests(SqliteTestBed fixture) : IClassFixture<SqliteTestBed>
{
    [Fact]
    public async Task Healthz_says_alive_and_readyz_reports_database_bus_and_each_environments_LINE_settings()
    {
        var bed = await fixture.GetAsync();

        var alive = await bed.Server.GetAsync("/healthz");
        var ready = await bed.Server.GetAsync("/readyz");
        var report = await ready.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = report!["checks"]!.AsObject();
        Assert.Equal("Healthy", checks["database"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", checks["masstransit-bus"]!["status"]!.GetValue<string>());
        var line = checks["line-channels"]!;
        Assert.Equal("Degraded", line["status"]!.GetValue<string>());
        Assert.StartsWith("configured", line["data"]!["hirakawa/production"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("inactive", line["data"]!["othercity/production"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(LineTestBed.HirakawaProduction.AccessToken, report.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_never_contain_residents_personal_data_tokens_or_secrets()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync("弘前 一郎");
        await bed.SimulateAsync(LineTestBed.HirakawaStaging, userId, new JsonObject { ["type"] = "follow" });
        await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, WebhookBodies.Callback(WebhookBodies.Follow(userId)), signature: "bad");
        await bed.WaitUntilIdleAsync();

        var logs = string.Join("\n", bed.Logs.Lines);

        Assert.Contains("Webhook for hirakawa/staging", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { userId, "弘前 一郎" }.Concat(LineTestBed.Channels.SelectMany(c => new[] { c.Secret, c.AccessToken })))
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
