using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Server.Backups;

namespace SmartBranch.IntegrationTests.Operations.Incidents;

/// <summary>Each alert rule opens one incident while its condition holds, tells the right people, and resolves it when the condition clears.</summary>
public sealed class IncidentAlertTests : IAsyncLifetime
{
    private IncidentTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await IncidentTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_revoked_token_opens_one_incident_for_its_environment_tells_operators_and_the_city_and_resolves_when_LINE_accepts_again()
    {
        var failures = _bed.Kernel.Services.GetRequiredService<LineApiFailureLog>();
        await failures.RecordAsync("hirakawa", "production", "push", HttpStatusCode.Unauthorized);
        await failures.RecordAsync("hirakawa", "production", "multicast", HttpStatusCode.TooManyRequests);

        await _bed.EvaluateAsync();
        await _bed.EvaluateAsync();

        var incident = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("line-authentication", "hirakawa", "production", IncidentState.Open),
            (incident.RuleId, incident.TenantSlug, incident.EnvironmentName, incident.State));
        Assert.Contains("401", incident.Detail, StringComparison.Ordinal);
        var operatorMail = _bed.Emails.LastTo(IncidentTestBed.OperatorEmail);
        var cityMail = _bed.Emails.LastTo(IncidentTestBed.CityEmail);
        Assert.Equal(2, _bed.Emails.Sent.Count);
        Assert.StartsWith("[SmartBranch 障害発生] LINE の認証エラー", operatorMail.Subject, StringComparison.Ordinal);
        Assert.Contains("平川市（production）", operatorMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026/04/01 09:00（日本時間）", operatorMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{IncidentTestBed.PublicOrigin}/ops/incidents/{incident.Id}", operatorMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/ops/", cityMail.TextBody, StringComparison.Ordinal);
        Assert.All(_bed.Emails.Sent, mail => Assert.DoesNotContain("@", mail.TextBody, StringComparison.Ordinal));

        var slack = Assert.Single(_bed.Listener.ReceivedAt("ops-slack"));
        Assert.Contains("LINE の認証エラー", slack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var teams = Assert.Single(_bed.Listener.ReceivedAt("ops-teams"));
        Assert.Equal("MessageCard", teams["@type"]!.GetValue<string>());
        Assert.NotNull(teams["potentialAction"]);
        var cityTeams = Assert.Single(_bed.Listener.ReceivedAt("city-teams"));
        Assert.Null(cityTeams["potentialAction"]);
        Assert.DoesNotContain(IncidentTestBed.CityEmail, slack.ToJsonString() + teams.ToJsonString(), StringComparison.Ordinal);

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(31));
        await _bed.EvaluateAsync();

        incident = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(IncidentState.Resolved, incident.State);
        Assert.Equal(_bed.Kernel.Clock.GetUtcNow(), incident.ResolvedAt);
        Assert.StartsWith("[SmartBranch 復旧]", _bed.Emails.LastTo(IncidentTestBed.CityEmail).Subject, StringComparison.Ordinal);
        Assert.Equal(
            [IncidentEventKind.Opened, IncidentEventKind.Notified, IncidentEventKind.Resolved, IncidentEventKind.Notified],
            (await _bed.TimelineAsync(incident.Id)).Select(e => e.Kind));
        Assert.Equal(2, _bed.Listener.ReceivedAt("ops-slack").Count);
    }

    [Fact]
    public async Task Webhook_failures_of_an_environment_over_the_threshold_open_an_incident_that_clears_after_the_window()
    {
        _bed.Thresholds.WebhookFailures.Threshold = 5;
        await _bed.CountRequestsAsync(RequestOutcome.WebhookSignatureRejected, 3, "hirakawa", "staging");
        await _bed.CountRequestsAsync(RequestOutcome.WebhookServerError, 1, "hirakawa", "staging");
        await _bed.CountRequestsAsync(RequestOutcome.WebhookSignatureRejected, 4, "hirakawa", "production");

        await _bed.EvaluateAsync();
        Assert.Empty(await _bed.IncidentsAsync());

        await _bed.CountRequestsAsync(RequestOutcome.WebhookServerError, 1, "hirakawa", "staging");
        await _bed.EvaluateAsync();

        var incident = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("webhook-failures", "staging"), (incident.RuleId, incident.EnvironmentName));
        Assert.Contains("署名不一致が 3 件、サーバーエラー（5xx）が 2 件", incident.Detail, StringComparison.Ordinal);

        _bed.Kernel.Clock.Advance(_bed.Thresholds.WebhookFailures.Window + TimeSpan.FromMinutes(1));
        await _bed.EvaluateAsync();

        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);
    }

    [Fact]
    public async Task A_spike_of_server_errors_opens_a_platform_incident_only_with_traffic_enough_to_judge()
    {
        await _bed.CountRequestsAsync(RequestOutcome.Answered, 40);
        await _bed.CountRequestsAsync(RequestOutcome.ServerError, 20);
        await _bed.EvaluateAsync();
        Assert.Empty(await _bed.IncidentsAsync());

        await _bed.CountRequestsAsync(RequestOutcome.Answered, 60);
        await _bed.EvaluateAsync();

        var incident = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("error-rate", null), (incident.RuleId, incident.TenantSlug));
        Assert.Contains("100 件のうち 20 件（20%）", incident.Detail, StringComparison.Ordinal);
        Assert.Single(_bed.Emails.Sent); // The operators only: no city's contacts for a platform incident.

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(6));
        await _bed.CountRequestsAsync(RequestOutcome.Answered, 100);
        await _bed.EvaluateAsync();

        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);
    }

    [Fact]
    public async Task A_send_that_makes_no_progress_is_reported_stuck_and_resolves_when_a_batch_goes_out()
    {
        var (runId, batchId) = await StartSendAsync();

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(10));
        await _bed.EvaluateAsync();
        Assert.Empty(await _bed.IncidentsAsync());

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(6));
        await _bed.EvaluateAsync();

        var incident = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("delivery-stuck", "hirakawa", "production"), (incident.RuleId, incident.TenantSlug, incident.EnvironmentName));
        Assert.EndsWith(runId.ToString(), incident.AlertKey, StringComparison.Ordinal);
        Assert.Contains("0 / 2 人に送信済み", incident.Detail, StringComparison.Ordinal);

        await using (var scope = _bed.Kernel.Scope(tenantSlug: "hirakawa", environmentName: "production"))
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var batch = await db.Set<BroadcastBatch>().SingleAsync(b => b.Id == batchId);
            batch.Sent("request-1", alreadyAccepted: false, _bed.Kernel.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await _bed.EvaluateAsync();

        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);
    }

    [Fact]
    public async Task A_failed_backup_opens_an_incident_that_the_next_good_backup_resolves_and_a_missing_one_opens_another()
    {
        var backups = _bed.Kernel.Services.GetRequiredService<BackupService>();
        await _bed.EvaluateAsync();
        Assert.Empty(await _bed.IncidentsAsync()); // None yet, but this process has only just started.

        await backups.Store.RecordFailureAsync(_bed.Kernel.Clock.GetUtcNow(), CancellationToken.None);
        await _bed.EvaluateAsync();
        var failed = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("backup", "バックアップの失敗"), (failed.RuleId, failed.Title));

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(5));
        await backups.CreateAsync(CancellationToken.None);
        await _bed.EvaluateAsync();
        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);

        _bed.Kernel.Clock.Advance(TimeSpan.FromHours(27));
        await _bed.EvaluateAsync();

        var missing = Assert.Single(await _bed.IncidentsAsync(), i => i.IsOpen);
        Assert.Equal("バックアップの欠落", missing.Title);
        Assert.Contains("2026/04/01 09:05（日本時間）", missing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_restore_drill_opens_an_incident_with_its_reason_that_the_next_successful_drill_resolves()
    {
        var drill = _bed.Kernel.Services.GetRequiredService<RestoreDrill>();
        Assert.False((await drill.RunAsync(CancellationToken.None)).Succeeded); // Nothing to restore yet.
        await _bed.EvaluateAsync();

        var failed = Assert.Single(await _bed.IncidentsAsync());
        Assert.Equal(("restore-drill", "リストア訓練の失敗"), (failed.RuleId, failed.Title));
        Assert.Contains("バックアップが 1 つもありません", failed.Detail, StringComparison.Ordinal);

        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(5));
        await _bed.Kernel.Services.GetRequiredService<BackupService>().CreateAsync(CancellationToken.None);
        var proved = await drill.RunAsync(CancellationToken.None);
        Assert.True(proved.Succeeded, proved.FailureReason);
        await _bed.EvaluateAsync();

        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);
    }

    [Fact]
    public async Task A_nearly_full_data_volume_opens_one_incident_per_volume_and_resolves_when_space_is_back()
    {
        _bed.Thresholds.DiskSpace.MinimumFreePercent = 100;
        await _bed.EvaluateAsync();

        var incident = Assert.Single(await _bed.IncidentsAsync()); // The data and backup directories share the test machine's volume.
        Assert.Equal("disk-space", incident.RuleId);

        _bed.Thresholds.DiskSpace.MinimumFreePercent = 0;
        await _bed.EvaluateAsync();

        Assert.Equal(IncidentState.Resolved, Assert.Single(await _bed.IncidentsAsync()).State);
    }

    [Fact]
    public async Task A_chat_webhook_that_fails_once_is_retried_and_one_that_keeps_failing_is_on_the_timeline_without_its_address()
    {
        _bed.Listener.FailNext("ops-slack", 1);
        _bed.Listener.FailNext("city-teams", 100);
        await _bed.CountRequestsAsync(RequestOutcome.Answered, 50);
        await _bed.CountRequestsAsync(RequestOutcome.ServerError, 50);
        await _bed.Kernel.Services.GetRequiredService<LineApiFailureLog>().RecordAsync("hirakawa", "staging", "reply", HttpStatusCode.Unauthorized);

        await _bed.EvaluateWhileTimePassesAsync();

        Assert.Equal(2, _bed.Listener.ReceivedAt("ops-slack").Count);
        Assert.Empty(_bed.Listener.ReceivedAt("city-teams"));
        var lineIncident = Assert.Single(await _bed.IncidentsAsync("line-authentication"));
        var notice = Assert.Single(await _bed.TimelineAsync(lineIncident.Id), e => e.Kind == IncidentEventKind.NotificationFailed);
        Assert.Equal("障害発生を通知しました（メール 2 件、Webhook 2 件）。送信に失敗: メール 0 件、Webhook 1 件。", notice.Text);
        Assert.DoesNotContain("http", notice.Text, StringComparison.Ordinal);
    }

    private async Task<(Guid RunId, Guid BatchId)> StartSendAsync()
    {
        await using var scope = _bed.Kernel.Scope(tenantSlug: "hirakawa", environmentName: "production");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var now = _bed.Kernel.Clock.GetUtcNow();
        var delivery = BroadcastDelivery.Emergency("staff-1", "断水のお知らせ", [new BroadcastText("断水しています。")], "断水", now);
        var run = BroadcastRun.Start(delivery.Id, now, targetCount: 2, now);
        var batch = BroadcastBatch.Create(run.Id, 1, ["U" + new string('1', 32), "U" + new string('2', 32)], now);
        db.AddRange(delivery, run, batch);
        await db.SaveChangesAsync();
        return (run.Id, batch.Id);
    }
}
