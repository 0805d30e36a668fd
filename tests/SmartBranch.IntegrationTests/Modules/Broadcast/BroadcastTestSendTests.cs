using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.TestSend;
using SmartBranch.Modules.Broadcast.Webhook;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>Staff link their own LINE accounts with a code sent from the phone, and test sends reach those accounts only.</summary>
public sealed class BroadcastTestSendTests(SqliteBroadcastBed fixture) : IClassFixture<SqliteBroadcastBed>
{
    private static readonly TestStaff Colleague = TestStaff.Member("colleague-1", BroadcastPermissions.Compose);

    [Fact]
    public async Task A_code_sent_from_LINE_links_the_account_and_a_test_send_reaches_it_and_no_resident()
    {
        var bed = await fixture.GetAsync();
        var scenario = new BroadcastScenario(bed);
        var residents = await scenario.FriendsAsync(3);
        var phone = (await scenario.FriendsAsync(1))[0];

        var issued = await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<IBroadcastTestAccounts>().IssueCodeAsync(CancellationToken.None));
        Assert.InRange(issued.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        await SendTextAsync(bed, phone, $"  {issued.Code.ToLowerInvariant()} ");

        Assert.Equal(1, await scenario.ReceivedAsync(phone, "テスト送信先に登録しました"));
        var own = Assert.Single(await ListAsync(scenario, BroadcastScenario.Author), a => a.IsOwn);
        Assert.Equal(("平川 太郎", "author-1"), (own.LineDisplayName, own.StaffUserId));

        var marker = $"テスト送信の確認 {Guid.NewGuid():N}";
        var deliveryId = await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().CreateDraftAsync(
            new BroadcastDraft("下書き", [new BroadcastText(marker)], null, null, new SendNow()), CancellationToken.None));
        var sentTo = await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<IBroadcastTestSends>().SendAsync(deliveryId, CancellationToken.None));
        await bed.WaitUntilIdleAsync();

        Assert.True(sentTo >= 1);
        Assert.Equal(1, await scenario.ReceivedAsync(phone, marker));
        var text = (await bed.InboxAsync(phone))[^1]["message"]!["text"]!.GetValue<string>();
        Assert.Equal(marker, text);
        foreach (var resident in residents)
        {
            Assert.Equal(0, await scenario.ReceivedAsync(resident, marker));
        }

        Assert.Equal(BroadcastDeliveryState.Draft, (await scenario.DeliveryAsync(deliveryId)).State);
        var (runs, audited) = await bed.InTenantAsync(BroadcastScenario.Channel, async (db, _) => (
            await db.Set<BroadcastRun>().CountAsync(r => r.DeliveryId == deliveryId),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "broadcast.test_sent" && e.TargetId == deliveryId.ToString())));
        Assert.Equal((0, 1), (runs, audited));
    }

    [Fact]
    public async Task A_wrong_or_expired_code_gets_a_clear_reply_and_links_nothing_and_ordinary_messages_get_no_reply()
    {
        var bed = await fixture.GetAsync();
        var scenario = new BroadcastScenario(bed);
        var phone = (await scenario.FriendsAsync(1))[0];

        var welcomed = (await bed.InboxAsync(phone)).Count;
        await SendTextAsync(bed, phone, "こんにちは");
        Assert.Equal(welcomed, (await bed.InboxAsync(phone)).Count);

        await SendTextAsync(bed, phone, "ZZZZ-9999");
        Assert.Equal(1, await scenario.ReceivedAsync(phone, BroadcastTestAccountCodeHandler.Refused));

        var issued = await scenario.AsAsync(Colleague, s => s.GetRequiredService<IBroadcastTestAccounts>().IssueCodeAsync(CancellationToken.None));
        await bed.InTenantAsync(BroadcastScenario.Channel, (db, _) => db.Set<BroadcastTestAccountCode>()
            .Where(c => c.Code == issued.Code)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await SendTextAsync(bed, phone, issued.Code);

        Assert.Equal(2, await scenario.ReceivedAsync(phone, BroadcastTestAccountCodeHandler.Refused));
        Assert.DoesNotContain(await ListAsync(scenario, Colleague), a => a.IsOwn);
    }

    [Fact]
    public async Task Staff_remove_their_own_test_accounts_but_not_a_colleagues()
    {
        var bed = await fixture.GetAsync();
        var scenario = new BroadcastScenario(bed);
        var phone = (await scenario.FriendsAsync(1))[0];
        var issued = await scenario.AsAsync(Colleague, s => s.GetRequiredService<IBroadcastTestAccounts>().IssueCodeAsync(CancellationToken.None));
        await SendTextAsync(bed, phone, issued.Code);
        var account = Assert.Single(await ListAsync(scenario, Colleague), a => a.IsOwn);

        var refused = await Assert.ThrowsAsync<BroadcastRuleException>(() => scenario.AsAsync(BroadcastScenario.Author, s =>
            s.GetRequiredService<IBroadcastTestAccounts>().RemoveAsync(account.Id, CancellationToken.None)));
        Assert.Equal("ほかの職員のテスト送信先は削除できません（管理者は削除できます）。", refused.Message);

        await scenario.AsAsync(Colleague, s => s.GetRequiredService<IBroadcastTestAccounts>().RemoveAsync(account.Id, CancellationToken.None));
        Assert.DoesNotContain(await ListAsync(scenario, Colleague), a => a.Id == account.Id);
    }

    private static async Task SendTextAsync(LineTestBed bed, string userId, string text)
    {
        await bed.SimulateAsync(BroadcastScenario.Channel, userId, new JsonObject { ["type"] = "text", ["text"] = text });
        await bed.WaitUntilIdleAsync();
    }

    private static Task<IReadOnlyList<BroadcastTestAccountEntry>> ListAsync(BroadcastScenario scenario, TestStaff staff) =>
        scenario.AsAsync(staff, s => s.GetRequiredService<IBroadcastTestAccounts>().ListAsync(CancellationToken.None));
}
