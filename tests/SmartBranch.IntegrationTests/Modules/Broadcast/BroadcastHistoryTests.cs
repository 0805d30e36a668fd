using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>The delivery history staff search in the portal, and its CSV export. Each test marks its deliveries with words of its own.</summary>
public abstract class BroadcastHistoryTests(TestBedFixture fixture)
{
    private static readonly TestStaff Viewer = TestStaff.Member("viewer-1", BroadcastPermissions.View);

    private async Task<BroadcastScenario> ScenarioAsync() => new(await fixture.GetAsync());

    private static string Marker() => $"m{Guid.NewGuid():N}"[..12];

    private static Task<Guid> DraftAsync(BroadcastScenario scenario, string title, params BroadcastContent[] messages) =>
        DraftAsync(scenario, BroadcastScenario.Author, title, messages);

    private static Task<Guid> DraftAsync(BroadcastScenario scenario, TestStaff author, string title, params BroadcastContent[] messages) =>
        scenario.AsAsync(author, s => s.GetRequiredService<BroadcastComposer>().CreateDraftAsync(
            new BroadcastDraft(title, messages.Length > 0 ? messages : [new BroadcastText("お知らせ")], null, null, new SendAt(DateTimeOffset.UtcNow.AddDays(7))),
            CancellationToken.None));

    private static Task<BroadcastHistoryPage> SearchAsync(BroadcastScenario scenario, BroadcastHistoryFilter filter, int page = 1, int pageSize = 50) =>
        scenario.AsAsync(Viewer, s => s.GetRequiredService<BroadcastHistory>().SearchAsync(filter, page, pageSize, CancellationToken.None));

    [Fact]
    public async Task Text_finds_deliveries_by_title_and_by_the_words_residents_read()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var byTitle = await DraftAsync(scenario, $"防災訓練 {marker}");
        var byText = await DraftAsync(scenario, "ごみ収集", new BroadcastText($"収集日が変わります {marker}です"));
        var byNotice = await DraftAsync(scenario, "お祭り", new BroadcastNotice("夏祭り", $"会場は {marker}公園"));
        await DraftAsync(scenario, "関係のない配信", new BroadcastText("別の内容"));

        var found = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker));
        var byJapaneseWord = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: $"{marker}公園"));

        Assert.Equal([byNotice, byText, byTitle], found.Rows.Select(r => r.DeliveryId));
        Assert.Equal(byNotice, Assert.Single(byJapaneseWord.Rows).DeliveryId);
    }

    [Fact]
    public async Task A_state_leaves_out_deliveries_in_any_other()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var draft = await DraftAsync(scenario, $"下書き {marker}");
        var submitted = await DraftAsync(scenario, $"承認待ち {marker}");
        await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().SubmitAsync(submitted, CancellationToken.None));

        var awaiting = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker, State: BroadcastDeliveryState.AwaitingApproval));
        var drafts = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker, State: BroadcastDeliveryState.Draft));

        var row = Assert.Single(awaiting.Rows);
        Assert.Equal((submitted, BroadcastDeliveryState.AwaitingApproval), (row.DeliveryId, row.State));
        Assert.Equal(draft, Assert.Single(drafts.Rows).DeliveryId);
    }

    [Fact]
    public async Task A_period_of_Japanese_days_finds_what_was_created_in_it()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var id = await DraftAsync(scenario, $"期間 {marker}");
        var today = JapanTime.Today(TimeProvider.System);

        var todayOnly = await SearchAsync(scenario, new BroadcastHistoryFilter(marker, null, JapanTime.StartOf(today), JapanTime.StartOf(today.AddDays(1))));
        var untilYesterday = await SearchAsync(scenario, new BroadcastHistoryFilter(marker, null, null, JapanTime.StartOf(today)));
        var fromTomorrow = await SearchAsync(scenario, new BroadcastHistoryFilter(marker, null, JapanTime.StartOf(today.AddDays(1))));

        Assert.Equal(id, Assert.Single(todayOnly.Rows).DeliveryId);
        Assert.Empty(untilYesterday.Rows);
        Assert.Empty(fromTomorrow.Rows);
    }

    [Fact]
    public async Task An_author_finds_only_their_own_deliveries()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var mine = await DraftAsync(scenario, BroadcastScenario.Author, $"作成者 {marker}");
        var theirs = await DraftAsync(scenario, BroadcastScenario.Admin, $"管理者 {marker}");

        var byAuthor = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker, AuthorId: BroadcastScenario.Author.UserId));
        var byAdmin = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker, AuthorId: BroadcastScenario.Admin.UserId));
        var authors = await scenario.AsAsync(Viewer, s => s.GetRequiredService<BroadcastHistory>().ListAuthorsAsync(CancellationToken.None));

        Assert.Equal(mine, Assert.Single(byAuthor.Rows).DeliveryId);
        Assert.Equal(theirs, Assert.Single(byAdmin.Rows).DeliveryId);
        Assert.Contains(authors, a => a.UserId == BroadcastScenario.Author.UserId);
        Assert.Contains(authors, a => a.UserId == BroadcastScenario.Admin.UserId);
    }

    [Fact]
    public async Task Pages_hold_the_newest_first_and_count_every_match()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var created = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add(await DraftAsync(scenario, $"{i} 件目 {marker}"));
        }

        var pages = new List<BroadcastHistoryPage>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker), page, pageSize: 2));
        }

        Assert.All(pages, p => Assert.Equal((5, 3), (p.TotalCount, p.PageCount)));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Rows.Count));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.Rows).Select(r => r.DeliveryId));
    }

    [Fact]
    public async Task Another_tenant_or_environment_never_shows_up()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var here = await DraftAsync(scenario, $"平川市 {marker}");
        await scenario.AsAsync(LineTestBed.HirakawaProduction, BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().CreateDraftAsync(
            new BroadcastDraft($"よそ {marker}", [new BroadcastText("本番環境")], null, null, new SendNow()), CancellationToken.None));

        var there = await scenario.AsAsync(LineTestBed.OtherCityStaging, BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().CreateDraftAsync(
            new BroadcastDraft($"よそ {marker}", [new BroadcastText("別の自治体")], null, null, new SendNow()), CancellationToken.None));

        var found = await SearchAsync(scenario, new BroadcastHistoryFilter(Text: marker));
        var all = await SearchAsync(scenario, BroadcastHistoryFilter.All, pageSize: BroadcastHistory.MaxPageSize);
        var opened = await Assert.ThrowsAsync<BroadcastRuleException>(() =>
            scenario.AsAsync(Viewer, s => s.GetRequiredService<BroadcastDeliveryDetails>().GetAsync(there, CancellationToken.None)));

        Assert.Equal(here, Assert.Single(found.Rows).DeliveryId);
        Assert.DoesNotContain(all.Rows, r => r.Title.StartsWith("よそ", StringComparison.Ordinal));
        Assert.Contains("配信が見つかりません", opened.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_of_a_delivery_awaiting_approval_counts_its_recipients_and_warns_of_the_quota()
    {
        var scenario = await ScenarioAsync();
        await scenario.FriendsAsync(2);
        var id = await DraftAsync(scenario, $"承認前 {Marker()}", new BroadcastText("明日は燃えるごみの日です"));
        await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().SubmitAsync(id, CancellationToken.None));
        scenario.Line.Quota = new LineMessageQuota(1000, 999);
        try
        {
            var detail = await scenario.AsAsync(Viewer, s => s.GetRequiredService<BroadcastDeliveryDetails>().GetAsync(id, CancellationToken.None));

            Assert.Equal(BroadcastDeliveryState.AwaitingApproval, detail.State);
            Assert.Equal("明日は燃えるごみの日です", Assert.IsType<BroadcastText>(Assert.Single(detail.Messages)).Text);
            Assert.True(detail.RecipientCount >= 2);
            Assert.StartsWith("LINE の今月の送信上限が足りません。残り 1 通", detail.QuotaWarning, StringComparison.Ordinal);
            Assert.Equal(BroadcastScenario.Author.UserId, detail.Author.UserId);
            Assert.Empty(detail.Runs);
        }
        finally
        {
            scenario.Line.Quota = null;
        }
    }

    [Fact]
    public async Task Only_staff_who_may_send_in_an_emergency_learn_how_many_friends_it_reaches()
    {
        var scenario = await ScenarioAsync();
        await scenario.FriendsAsync(1);

        var count = await scenario.AsAsync(BroadcastScenario.Admin, s => s.GetRequiredService<EmergencyBroadcasts>().CountRecipientsAsync(CancellationToken.None));

        Assert.True(count >= 1);
        await Assert.ThrowsAsync<BroadcastForbiddenException>(() =>
            scenario.AsAsync(Viewer, s => s.GetRequiredService<EmergencyBroadcasts>().CountRecipientsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Reading_the_history_needs_the_view_permission()
    {
        var scenario = await ScenarioAsync();
        var outsider = TestStaff.Member("auditor-2", KernelPermissions.AuditView);

        await Assert.ThrowsAsync<BroadcastForbiddenException>(() => scenario.AsAsync(outsider, s =>
            s.GetRequiredService<BroadcastHistory>().SearchAsync(BroadcastHistoryFilter.All, 1, 10, CancellationToken.None)));
        await Assert.ThrowsAsync<BroadcastForbiddenException>(() => scenario.AsAsync(outsider, async s =>
        {
            await s.GetRequiredService<BroadcastHistory>().ExportCsvAsync(BroadcastHistoryFilter.All, new MemoryStream(), CancellationToken.None);
            return true;
        }));
    }

    [Fact]
    public async Task The_export_is_a_CSV_for_Excel_in_Japan_time_and_is_audited()
    {
        var scenario = await ScenarioAsync();
        var marker = Marker();
        var id = await DraftAsync(scenario, $"=SUM(A1) {marker}");
        await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().SubmitAsync(id, CancellationToken.None));
        var delivery = await scenario.DeliveryAsync(id);

        var bytes = await scenario.AsAsync(Viewer, async s =>
        {
            using var output = new MemoryStream();
            await s.GetRequiredService<BroadcastHistory>().ExportCsvAsync(new BroadcastHistoryFilter(Text: marker), output, CancellationToken.None);
            return output.ToArray();
        });
        var audited = await scenario.AsAsync(TestStaff.Member("auditor-1", KernelPermissions.AuditView), s => s.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(ActorUserId: Viewer.UserId, Action: "broadcast.history.exported"), 1, 50, CancellationToken.None));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("配信ID,配信名,状態,緊急配信,作成者ID,作成者,作成日時(日本時間),次回送信(日本時間),最終送信(日本時間),対象者数,送信数,失敗数", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{id},'=SUM(A1) {marker},承認待ち,いいえ,author-1,", row, StringComparison.Ordinal);
        Assert.Contains(JapanTime.Format(delivery.CreatedAt), row, StringComparison.Ordinal);
        Assert.Contains(audited.Entries, e => e.Summary == "配信履歴を CSV で出力（1 件）");
    }
}

public sealed class SqliteBroadcastHistoryTests(SqliteBroadcastBed fixture) : BroadcastHistoryTests(fixture), IClassFixture<SqliteBroadcastBed>;

public sealed class PostgresBroadcastHistoryTests(PostgresBroadcastBed fixture) : BroadcastHistoryTests(fixture), IClassFixture<PostgresBroadcastBed>;
