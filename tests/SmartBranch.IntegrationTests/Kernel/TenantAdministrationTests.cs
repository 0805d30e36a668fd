using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.LineEmulator;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>An operator onboards a city from the console: no files, no restart, secrets encrypted, everything audited.</summary>
public sealed class TenantAdministrationTests(SqliteTestBed fixture) : IClassFixture<SqliteTestBed>
{
    [Fact]
    public async Task A_tenant_created_at_runtime_receives_signed_webhooks_and_welcomes_a_follower()
    {
        var bed = await fixture.GetAsync();
        var channel = await OnboardAsync(bed, "aomori-a", "2000000101");

        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(channel, userId, new JsonObject { ["type"] = "follow" });

        var inbox = await Eventually.GetAsync(() => bed.InboxAsync(userId), messages => messages.Count > 0, "the welcome message");
        Assert.Contains("青森テスト市の LINE 公式アカウントです", inbox[0]["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_test_succeeds_with_the_right_token_and_explains_a_wrong_one_in_Japanese()
    {
        var bed = await fixture.GetAsync();
        var channel = await OnboardAsync(bed, "aomori-b", "2000000102");

        var ok = await AdministerAsync(bed, a => a.TestLineConnectionAsync(channel.Tenant, channel.Environment, CancellationToken.None));
        Assert.True(ok.Succeeded, ok.Message);
        Assert.Equal(200, ok.StatusCode);

        await AdministerAsync(bed, async a =>
        {
            await a.UpdateLineChannelAsync(channel.Tenant, channel.Environment, Input(channel) with { ChannelSecret = null, ChannelAccessToken = "not-the-token" }, CancellationToken.None);
            return true;
        });
        var refused = await AdministerAsync(bed, a => a.TestLineConnectionAsync(channel.Tenant, channel.Environment, CancellationToken.None));
        Assert.False(refused.Succeeded);
        Assert.Equal(401, refused.StatusCode);
        Assert.StartsWith("トークンが無効です", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_secrets_and_tokens_are_stored_encrypted()
    {
        var bed = await fixture.GetAsync();
        var channel = await OnboardAsync(bed, "aomori-c", "2000000103");

        var stored = await bed.InTenantAsync(LineTestBed.HirakawaStaging, async (db, _) =>
            await db.Database.SqlQueryRaw<string>(
                    "SELECT protected_channel_secret || ' ' || protected_channel_access_token AS \"Value\" FROM kernel_tenant_line_channels WHERE tenant_slug = {0}",
                    channel.Tenant)
                .SingleAsync());

        Assert.DoesNotContain(channel.Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(channel.AccessToken, stored, StringComparison.Ordinal);
        Assert.True(stored.Length > 100, "Both columns hold Data Protection payloads.");
    }

    [Fact]
    public async Task A_suspended_tenant_answers_503_an_archived_one_404_and_archiving_is_final()
    {
        var bed = await fixture.GetAsync();
        var channel = await OnboardAsync(bed, "aomori-d", "2000000104");
        var body = WebhookBodies.Callback();
        Assert.Equal(HttpStatusCode.OK, (await bed.PostWebhookAsync(channel, body)).StatusCode);

        await SetStatusAsync(bed, channel.Tenant, TenantStatus.Suspended, "契約更新の手続き中");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bed.PostWebhookAsync(channel, body)).StatusCode);

        await SetStatusAsync(bed, channel.Tenant, TenantStatus.Active, "契約を更新");
        Assert.Equal(HttpStatusCode.OK, (await bed.PostWebhookAsync(channel, body)).StatusCode);

        await SetStatusAsync(bed, channel.Tenant, TenantStatus.Archived, "契約終了");
        Assert.Equal(HttpStatusCode.NotFound, (await bed.PostWebhookAsync(channel, body)).StatusCode);
        var error = await Assert.ThrowsAsync<TenantAdministrationException>(() => SetStatusAsync(bed, channel.Tenant, TenantStatus.Active, "再開"));
        Assert.Equal("アーカイブした自治体は元に戻せません。", error.Message);
    }

    [Fact]
    public async Task Every_change_is_in_the_tenants_audit_chain()
    {
        var bed = await fixture.GetAsync();
        var channel = await OnboardAsync(bed, "aomori-e", "2000000105");
        await SetStatusAsync(bed, channel.Tenant, TenantStatus.Suspended, "点検");

        var actions = await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
            db.AuditEntries.Where(e => e.Chain == channel.Tenant).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

        Assert.Equal(["tenant.created", "tenant.line-channel.updated", "tenant.status.changed"], actions);
    }

    [Theory]
    [InlineData("hirakawa", "staging", "識別名「hirakawa」はすでに使われています。")]
    [InlineData("Aomori", "staging", "識別名（スラッグ）は 2〜40 文字の英小文字・数字・ハイフンで入力してください。")]
    [InlineData("aomori-f", "testing", "環境は production と staging から選んでください。")]
    public async Task Bad_new_tenants_are_refused_in_Japanese(string slug, string environment, string message)
    {
        var bed = await fixture.GetAsync();

        var error = await Assert.ThrowsAsync<TenantAdministrationException>(() =>
            AdministerAsync(bed, a => a.CreateAsync(new NewTenant(slug, "青森テスト市", "Aomori Test City", [environment]), CancellationToken.None)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Production_never_gets_the_emulator()
    {
        var bed = await fixture.GetAsync();

        var error = await Assert.ThrowsAsync<TenantAdministrationException>(() => AdministerAsync(bed, async a =>
        {
            await a.UpdateLineChannelAsync("hirakawa", "production", new LineChannelInput(LineMode.Emulator, null, null, null, null, null, null, null), CancellationToken.None);
            return true;
        }));

        Assert.Equal("本番環境（production）ではエミュレーターを使えません。", error.Message);
    }

    [Fact]
    public async Task The_webhook_url_defaults_to_the_servers_own_address()
    {
        var bed = await fixture.GetAsync();

        var url = await AdministerAsync(bed, a => Task.FromResult(a.WebhookUrl("hirakawa", "production")));

        Assert.Equal(new Uri(bed.App.Address, "/line/hirakawa/production/webhook").PathAndQuery, url.PathAndQuery);
        Assert.Equal(bed.App.Address.Port, url.Port);
    }

    /// <summary>Creates the tenant with a staging environment on the emulator, as an operator would, and connects the emulator's channel to it.</summary>
    private static async Task<TestChannel> OnboardAsync(LineTestBed bed, string slug, string channelId)
    {
        var channel = new TestChannel(slug, "staging", channelId, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), $"token-{Guid.NewGuid():N}");
        var webhookUrl = await AdministerAsync(bed, async a =>
        {
            await a.CreateAsync(new NewTenant(slug, "青森テスト市", "Aomori Test City", ["staging"]), CancellationToken.None);
            await a.UpdateLineChannelAsync(slug, "staging", Input(channel), CancellationToken.None);
            return a.WebhookUrl(slug, "staging");
        });
        bed.Emulator.AddOrUpdateChannel(new EmulatorChannel
        {
            ChannelId = channel.ChannelId,
            ChannelSecret = channel.Secret,
            ChannelAccessToken = channel.AccessToken,
            BotDisplayName = "青森テスト市",
            WebhookUrl = webhookUrl,
        });
        return channel;
    }

    private static LineChannelInput Input(TestChannel channel) =>
        new(LineMode.Emulator, channel.ChannelId, channel.Secret, channel.AccessToken, null, null, null, null);

    private static Task<bool> SetStatusAsync(LineTestBed bed, string slug, TenantStatus status, string reason) =>
        AdministerAsync(bed, async a =>
        {
            await a.SetStatusAsync(slug, status, reason, CancellationToken.None);
            return true;
        });

    private static async Task<T> AdministerAsync<T>(LineTestBed bed, Func<ITenantAdministration, Task<T>> work)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ITenantAdministration>());
    }
}
