using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.ControlDelivery;
using SmartBranch.Modules.Broadcast.Features.DeliveryReport;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>Deliveries composed, approved and sent against the LINE emulator, as residents receive them.</summary>
public abstract class BroadcastDeliveryTests(TestBedFixture fixture)
{
    private async Task<BroadcastScenario> ScenarioAsync() => new(await fixture.GetAsync());

    private static async Task<Guid> ComposeAndSubmitAsync(BroadcastScenario scenario, string text, DateTimeOffset? validUntil = null)
    {
        var draft = new BroadcastDraft("テスト配信", [new BroadcastText(text)], null, validUntil, new SendNow());
        return await scenario.AsAsync(BroadcastScenario.Author, async s =>
        {
            var composer = s.GetRequiredService<BroadcastComposer>();
            var id = await composer.CreateDraftAsync(draft, CancellationToken.None);
            await composer.SubmitAsync(id, CancellationToken.None);
            return id;
        });
    }

    private static Task ApproveAsync(BroadcastScenario scenario, Guid id) =>
        scenario.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().ApproveAsync(id, CancellationToken.None));

    [Fact]
    public async Task An_approved_delivery_reaches_every_friend_exactly_once_and_no_resident_who_blocked()
    {
        var scenario = await ScenarioAsync();
        var friends = await scenario.FriendsAsync(10);
        var blocked = (await scenario.FriendsAsync(2)).ToList();
        foreach (var userId in blocked)
        {
            await scenario.BlockAsync(userId);
        }

        var marker = $"ごみ収集のお知らせ {Guid.NewGuid():N}";
        var id = await ComposeAndSubmitAsync(scenario, marker);
        var bed = await fixture.GetAsync();
        var sentBefore = await SentRecipientsOnMetricsAsync(bed);
        await ApproveAsync(scenario, id);
        var run = await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to finish");
        // At least: the class's other deliveries share this server and may still be sending.
        await Eventually.GetAsync(() => SentRecipientsOnMetricsAsync(bed), sent => sent - sentBefore >= run.SentCount, "the delivery's progress on /metrics");

        foreach (var userId in friends)
        {
            Assert.Equal(1, await scenario.ReceivedAsync(userId, marker));
        }

        foreach (var userId in blocked)
        {
            Assert.Equal(0, await scenario.ReceivedAsync(userId, marker));
        }

        Assert.Equal((BroadcastRunState.Sent, run.TargetCount, 0), (run.State, run.SentCount, run.FailedCount));
        Assert.Equal(BroadcastDeliveryState.Sent, (await scenario.DeliveryAsync(id)).State);
        var report = await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastReports>().GetAsync(id, CancellationToken.None));
        var sent = Assert.Single(report.Runs);
        Assert.Equal((run.TargetCount, run.TargetCount), (sent.TargetCount, sent.SentCount));
        Assert.NotNull(sent.FinishedAt);
    }

    /// <summary>Recipients of the staging environment sent so far, as an operator's Prometheus reads them.</summary>
    private static async Task<double> SentRecipientsOnMetricsAsync(LineTestBed bed) =>
        Regex.Matches(await bed.Server.GetStringAsync("/metrics"), """smartbranch_broadcast_recipients_total\{([^}]*)\} (\S+)""")
            .Where(m => m.Groups[1].Value.Contains("outcome=\"sent\"", StringComparison.Ordinal) && m.Groups[1].Value.Contains("tenant=\"hirakawa\"", StringComparison.Ordinal)
                && m.Groups[1].Value.Contains("environment=\"staging\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_dashboard_counts_a_delivery_sent_today()
    {
        var scenario = await ScenarioAsync();
        await scenario.FriendsAsync(2);
        Task<BroadcastDayCounts> TodayAsync() =>
            scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<IBroadcastStatistics>().CountTodayAsync(CancellationToken.None));
        var before = await TodayAsync();

        var id = await ComposeAndSubmitAsync(scenario, $"本日のお知らせ {Guid.NewGuid():N}");
        await ApproveAsync(scenario, id);
        await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to finish");

        Assert.Equal(before.Started + 1, (await TodayAsync()).Started);
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_delivery_and_the_approver_sees_the_exact_messages_and_count()
    {
        var scenario = await ScenarioAsync();
        await scenario.FriendsAsync(2);
        var id = await ComposeAndSubmitAsync(scenario, "自分では承認できない配信");
        var authorAsApprover = BroadcastScenario.Author.Permissions.Append(SmartBranch.Modules.Broadcast.BroadcastPermissions.Approve).ToArray();

        var error = await Assert.ThrowsAsync<BroadcastRuleException>(() => scenario.AsAsync(
            TestStaff.Member(BroadcastScenario.Author.UserId!, authorAsApprover),
            s => s.GetRequiredService<BroadcastApprovals>().ApproveAsync(id, CancellationToken.None)));
        var view = await scenario.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().GetAsync(id, CancellationToken.None));
        var audited = await scenario.AsAsync(TestStaff.Member("auditor-1", KernelPermissions.AuditView), s => s.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(TargetId: id.ToString()), 1, 50, CancellationToken.None));

        Assert.Contains("作成者は自分の配信を承認できません", error.Message, StringComparison.Ordinal);
        Assert.Equal(BroadcastDeliveryState.AwaitingApproval, view.State);
        Assert.Contains("\"text\":\"自分では承認できない配信\"", view.LineMessagesJson, StringComparison.Ordinal);
        Assert.True(view.RecipientCount >= 2);
        Assert.Null(view.QuotaWarning);
        Assert.Contains(audited.Entries, e => e.Action == "broadcast.submitted" && e.ActorUserId == BroadcastScenario.Author.UserId);
    }

    [Fact]
    public async Task A_stopped_delivery_sends_no_further_batch_and_reports_exactly_who_received_it()
    {
        var scenario = await ScenarioAsync();
        var friends = await scenario.FriendsAsync(20);
        var hold = scenario.Line.Hold();
        try
        {
            var marker = $"停止される配信 {Guid.NewGuid():N}";
            var id = await ComposeAndSubmitAsync(scenario, marker);
            await ApproveAsync(scenario, id);
            await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

            await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastControl>().StopAsync(id, CancellationToken.None));
            scenario.Line.Release(); // The batches already handed to LINE complete; no further batch starts.
            var run = await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to stop");

            var reached = await scenario.ReachedAsync(id);
            Assert.Equal(BroadcastRunState.Stopped, run.State);
            Assert.True(run.SentCount < run.TargetCount, $"The stop came after all {run.TargetCount} were sent.");
            Assert.Equal(run.SentCount, reached.Count);
            foreach (var userId in friends)
            {
                Assert.Equal(reached.Contains(userId) ? 1 : 0, await scenario.ReceivedAsync(userId, marker));
            }

            Assert.Equal(BroadcastDeliveryState.Stopped, (await scenario.DeliveryAsync(id)).State);
        }
        finally
        {
            scenario.Line.Release();
        }
    }

    [Fact]
    public async Task Nothing_more_is_sent_once_the_valid_until_time_has_passed()
    {
        var scenario = await ScenarioAsync();
        var friends = await scenario.FriendsAsync(20);
        var hold = scenario.Line.Hold();
        try
        {
            var marker = $"期限付きの配信 {Guid.NewGuid():N}";
            var validUntil = DateTimeOffset.UtcNow.AddSeconds(5);
            var id = await ComposeAndSubmitAsync(scenario, marker, validUntil);
            await ApproveAsync(scenario, id);
            await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
            var untilExpired = validUntil - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
            if (untilExpired > TimeSpan.Zero)
            {
                await Task.Delay(untilExpired); // The first round is in flight as the time passes.
            }

            scenario.Line.Release();
            var run = await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to expire");

            var reached = await scenario.ReachedAsync(id);
            Assert.Equal(BroadcastRunState.Expired, run.State);
            Assert.True(run.SentCount < run.TargetCount, "Everyone was reached before the valid-until time.");
            foreach (var userId in friends)
            {
                Assert.Equal(reached.Contains(userId) ? 1 : 0, await scenario.ReceivedAsync(userId, marker));
            }

            Assert.Equal(BroadcastDeliveryState.Expired, (await scenario.DeliveryAsync(id)).State);
        }
        finally
        {
            scenario.Line.Release();
        }
    }

    [Fact]
    public async Task A_delivery_the_monthly_quota_cannot_cover_is_flagged_to_the_approver_and_not_sent()
    {
        var scenario = await ScenarioAsync();
        var friends = await scenario.FriendsAsync(3);
        scenario.Line.Quota = new LineMessageQuota(Limit: 1000, Used: 999);
        try
        {
            var marker = $"上限を超える配信 {Guid.NewGuid():N}";
            var id = await ComposeAndSubmitAsync(scenario, marker);

            var view = await scenario.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().GetAsync(id, CancellationToken.None));
            await ApproveAsync(scenario, id);
            var run = await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to be refused");

            Assert.Contains("送信上限が足りません。残り 1 通", view.QuotaWarning, StringComparison.Ordinal);
            Assert.Equal((BroadcastRunState.Failed, 0), (run.State, run.SentCount));
            Assert.Contains("送信していません", run.Problem, StringComparison.Ordinal);
            foreach (var userId in friends)
            {
                Assert.Equal(0, await scenario.ReceivedAsync(userId, marker));
            }
        }
        finally
        {
            scenario.Line.Quota = null;
        }
    }
}

public sealed class SqliteBroadcastBed : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() =>
        LineTestBed.StartAsync(TestDatabaseKind.Sqlite, extraSettings: BroadcastTestServices.Settings, configureServices: BroadcastTestServices.Add);
}

public sealed class PostgresBroadcastBed : TestBedFixture
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() =>
        LineTestBed.StartAsync(TestDatabaseKind.Postgres, extraSettings: BroadcastTestServices.Settings, configureServices: BroadcastTestServices.Add);
}

public sealed class SqliteBroadcastDeliveryTests(SqliteBroadcastBed fixture) : BroadcastDeliveryTests(fixture), IClassFixture<SqliteBroadcastBed>;

public sealed class PostgresBroadcastDeliveryTests(PostgresBroadcastBed fixture) : BroadcastDeliveryTests(fixture), IClassFixture<PostgresBroadcastBed>;
