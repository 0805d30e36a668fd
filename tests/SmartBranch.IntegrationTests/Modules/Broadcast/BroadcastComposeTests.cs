using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>What the compose screens ask of the composer: edit, copy as new, count with the quota, and where each problem belongs.</summary>
public abstract class BroadcastComposeTests(TestBedFixture fixture)
{
    private static readonly SegmentExpression Segment = new AllOf([new AttributeIn("topic", ["disaster"]), new AttributeIn("area", ["hiraka", "onoe"])]);

    private async Task<BroadcastScenario> ScenarioAsync() => new(await fixture.GetAsync());

    private static Task<T> AsAuthorAsync<T>(BroadcastScenario scenario, Func<IBroadcastComposer, Task<T>> work) =>
        scenario.AsAsync(BroadcastScenario.Author, s => work(s.GetRequiredService<IBroadcastComposer>()));

    [Fact]
    public async Task A_copy_takes_the_title_messages_segment_and_recurrence_pattern_but_no_dates()
    {
        var scenario = await ScenarioAsync();
        var recurrence = new BroadcastRecurrence(
            RecurrenceFrequency.Weekly, new TimeOnly(9, 30), new DateOnly(2026, 1, 5), new DateOnly(2099, 3, 31),
            Weekdays: [DayOfWeek.Monday, DayOfWeek.Thursday], ExcludedDates: [new DateOnly(2099, 1, 1)]);
        BroadcastContent[] messages = [new BroadcastText("ごみの日です $", [new LineEmoji(7, "5ac1bfd5040ab15980c9b435", "001")]), new BroadcastNotice("収集日の変更", "年末年始は収集日が変わります。")];
        var id = await AsAuthorAsync(scenario, c => c.CreateDraftAsync(
            new BroadcastDraft("ごみ収集（毎週）", messages, Segment, null, new SendRecurring(recurrence)), CancellationToken.None));

        var copy = await AsAuthorAsync(scenario, c => c.CopyAsync(id, CancellationToken.None));

        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(BroadcastRecurrence.JapanOffset).DateTime);
        Assert.Equal("ごみ収集（毎週）", copy.Title);
        Assert.Equal(Json(messages), Json(copy.Messages));
        Assert.Equal(Json(Segment), Json(copy.Segment));
        Assert.Equal(BroadcastScheduleKind.Recurring, copy.ScheduleKind);
        Assert.Equal(Json(recurrence with { StartsOn = today, EndsOn = null, ExcludedDates = null }), Json(copy.Recurrence));
    }

    [Fact]
    public async Task A_copy_of_a_one_off_delivery_leaves_its_time_to_be_chosen_again()
    {
        var scenario = await ScenarioAsync();
        var id = await AsAuthorAsync(scenario, c => c.CreateDraftAsync(
            new BroadcastDraft("健診のお知らせ", [new BroadcastText("健診の予約が始まりました。")], null, null, new SendAt(DateTimeOffset.UtcNow.AddDays(2))), CancellationToken.None));

        var copy = await AsAuthorAsync(scenario, c => c.CopyAsync(id, CancellationToken.None));

        Assert.Equal((BroadcastScheduleKind.At, null), (copy.ScheduleKind, copy.Recurrence));
        Assert.Null(copy.Segment);
    }

    [Fact]
    public async Task A_rejected_delivery_comes_back_to_edit_with_the_reason_and_one_awaiting_approval_does_not()
    {
        var scenario = await ScenarioAsync();
        var draft = new BroadcastDraft("差し戻される配信", [new BroadcastText("本文")], Segment, DateTimeOffset.UtcNow.AddDays(3), new SendNow());
        var rejected = await AsAuthorAsync(scenario, async c =>
        {
            var id = await c.CreateDraftAsync(draft, CancellationToken.None);
            await c.SubmitAsync(id, CancellationToken.None);
            return id;
        });
        await scenario.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().RejectAsync(rejected, "日付を確認してください。", CancellationToken.None));
        var awaiting = await AsAuthorAsync(scenario, async c =>
        {
            var id = await c.CreateDraftAsync(draft, CancellationToken.None);
            await c.SubmitAsync(id, CancellationToken.None);
            return id;
        });

        var toEdit = await AsAuthorAsync(scenario, c => c.GetDraftAsync(rejected, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<BroadcastRuleException>(() => AsAuthorAsync(scenario, c => c.GetDraftAsync(awaiting, CancellationToken.None)));

        Assert.Equal("日付を確認してください。", toEdit.RejectionReason);
        Assert.Equal((draft.Title, draft.Messages.Single()), (toEdit.Draft.Title, toEdit.Draft.Messages.Single()));
        Assert.Equal(Json(Segment), Json(toEdit.Draft.Segment));
        Assert.Contains("承認待ちの配信は編集できません", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_problem_says_which_part_of_the_delivery_it_is_about()
    {
        var scenario = await ScenarioAsync();
        var draft = new BroadcastDraft("", [new BroadcastText("正しい本文"), new BroadcastText(" ")], null, null, new SendAt(DateTimeOffset.UtcNow.AddHours(-1)));

        var error = await Assert.ThrowsAsync<BroadcastRuleException>(() => AsAuthorAsync(scenario, c => c.CreateDraftAsync(draft, CancellationToken.None)));

        Assert.Contains(error.Details, p => p.Part == BroadcastDraftPart.Title && p.Text.StartsWith("配信名を", StringComparison.Ordinal));
        Assert.Equal([(BroadcastDraftPart.Message, 2, "2 件目: 本文を入力してください。")], error.Details.Where(p => p.MessagePosition is not null).Select(p => (p.Part, p.MessagePosition!.Value, p.Text)));
        Assert.Contains(error.Details, p => p.Part == BroadcastDraftPart.Schedule && p.Text == "予約日時は現在より後にしてください。");
    }

    [Fact]
    public async Task The_estimate_warns_when_the_months_quota_cannot_cover_the_recipients()
    {
        var scenario = await ScenarioAsync();
        await scenario.FriendsAsync(2);
        var plenty = await AsAuthorAsync(scenario, c => c.EstimateRecipientsAsync(null, CancellationToken.None));
        scenario.Line.Quota = new LineMessageQuota(Limit: 1000, Used: 999);
        try
        {
            var short1 = await AsAuthorAsync(scenario, c => c.EstimateRecipientsAsync(null, CancellationToken.None));

            Assert.True(plenty.Count >= 2);
            Assert.Null(plenty.QuotaWarning);
            Assert.Equal(plenty.Count, short1.Count);
            Assert.Contains("送信上限が足りません。残り 1 通", short1.QuotaWarning, StringComparison.Ordinal);
        }
        finally
        {
            scenario.Line.Quota = null;
        }
    }

    [Fact]
    public async Task Staff_without_the_compose_permission_can_neither_copy_nor_count()
    {
        var scenario = await ScenarioAsync();
        var id = await AsAuthorAsync(scenario, c => c.CreateDraftAsync(
            new BroadcastDraft("閲覧者には見せない", [new BroadcastText("本文")], null, null, new SendNow()), CancellationToken.None));
        var viewer = TestStaff.Member("viewer-1", BroadcastPermissions.View);

        await Assert.ThrowsAsync<BroadcastForbiddenException>(() => scenario.AsAsync(viewer, s => s.GetRequiredService<IBroadcastComposer>().CopyAsync(id, CancellationToken.None)));
        await Assert.ThrowsAsync<BroadcastForbiddenException>(() => scenario.AsAsync(viewer, s => s.GetRequiredService<IBroadcastComposer>().EstimateRecipientsAsync(null, CancellationToken.None)));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}

public sealed class SqliteBroadcastComposeTests(SqliteBroadcastBed fixture) : BroadcastComposeTests(fixture), IClassFixture<SqliteBroadcastBed>;

public sealed class PostgresBroadcastComposeTests(PostgresBroadcastBed fixture) : BroadcastComposeTests(fixture), IClassFixture<PostgresBroadcastBed>;
