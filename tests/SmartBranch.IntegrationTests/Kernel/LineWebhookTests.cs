using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Residents.Welcome;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>The webhook contract of ARCHITECTURE.md and the foundation's "done when", on each database and bus.</summary>
public abstract class LineWebhookTests(TestBedFixture fixture)
{
    public static TheoryData<string> Environments => ["staging", "production"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_follow_sent_through_LINE_gets_exactly_one_welcome_from_that_environments_channel(string environment)
    {
        var bed = await fixture.GetAsync();
        var channel = environment == "staging" ? LineTestBed.HirakawaStaging : LineTestBed.HirakawaProduction;
        var userId = await bed.CreateLineUserAsync();

        var delivery = await bed.SimulateAsync(channel, userId, new JsonObject { ["type"] = "follow" });

        Assert.Equal(200, delivery["webhookStatus"]!.GetValue<int>());
        var welcome = HirakawaWelcomeTexts(channel);
        await Eventually.GetAsync(() => bed.InboxAsync(userId), inbox => inbox.Count >= welcome.Count, "the welcome message");
        await bed.WaitUntilIdleAsync();
        var inbox = await bed.InboxAsync(userId);
        Assert.Equal(welcome, inbox.Select(m => m["message"]!["text"]!.GetValue<string>()));
        // The emulator knows the channel by the access token the server presented.
        Assert.All(inbox, m => Assert.Equal(channel.ChannelId, m["channelId"]!.GetValue<string>()));
        Assert.All(inbox, m => Assert.Equal("reply", m["api"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once_and_sends_nothing_more()
    {
        var bed = await fixture.GetAsync();
        var channel = LineTestBed.HirakawaStaging;
        var userId = await bed.CreateLineUserAsync();
        var delivery = await bed.SimulateAsync(channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        var eventId = delivery["webhookEventId"]!.GetValue<string>();

        var redelivery = await bed.PostWebhookAsync(channel, WebhookBodies.Callback(
            WebhookBodies.Follow(userId, eventId, isRedelivery: true, replyToken: delivery["replyToken"]!.GetValue<string>())));
        await bed.WaitUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Equal(HirakawaWelcomeTexts(channel).Count, (await bed.InboxAsync(userId)).Count);
        Assert.Equal(1, await bed.InTenantAsync(channel, (db, _) => db.LineWebhookEvents.CountAsync(e => e.WebhookEventId == eventId)));
    }

    [Fact]
    public async Task A_webhook_with_a_bad_or_missing_signature_gets_401_and_is_not_stored()
    {
        var bed = await fixture.GetAsync();
        var channel = LineTestBed.HirakawaStaging;
        var eventId = WebhookBodies.NewEventId();
        var body = WebhookBodies.Callback(WebhookBodies.Follow("U" + new string('a', 32), eventId));
        var signedByAnotherChannel = SmartBranch.Line.Webhooks.LineWebhookSignature.Compute(LineTestBed.HirakawaProduction.Secret, System.Text.Encoding.UTF8.GetBytes(body));

        var forged = await bed.PostWebhookAsync(channel, body, signature: signedByAnotherChannel);
        var unsigned = await bed.PostWebhookAsync(channel, body, signature: "");
        var tampered = await bed.PostWebhookAsync(channel, body.Replace("follow", "unfollow", StringComparison.Ordinal),
            signature: SmartBranch.Line.Webhooks.LineWebhookSignature.Compute(channel.Secret, System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(0, await bed.InTenantAsync(channel, (db, _) => db.LineWebhookEvents.CountAsync(e => e.WebhookEventId == eventId)));
    }

    [Theory]
    [InlineData("/line/nowhere/staging/webhook", HttpStatusCode.NotFound)]
    [InlineData("/line/hirakawa/test/webhook", HttpStatusCode.NotFound)]
    [InlineData("/line/othercity/production/webhook", HttpStatusCode.ServiceUnavailable)]
    public async Task Webhooks_for_unknown_or_unconfigured_environments_are_refused(string path, HttpStatusCode expected)
    {
        var bed = await fixture.GetAsync();

        var response = await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, WebhookBodies.Callback(), path: path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task LINEs_connection_check_with_no_events_gets_200()
    {
        var bed = await fixture.GetAsync();

        var response = await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, WebhookBodies.Callback());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_webhook_gets_400()
    {
        var bed = await fixture.GetAsync();

        var response = await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, "{\"destination\":\"U0\",\"events\":[{\"type\":\"follow\"}]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Events_are_processed_in_timestamp_order_per_user_whatever_order_they_arrive_in()
    {
        var bed = await fixture.GetAsync();
        var channel = LineTestBed.HirakawaStaging;
        var blocksLast = await bed.CreateLineUserAsync();
        var followsLast = await bed.CreateLineUserAsync();
        var t = WebhookBodies.NextTimestamp();
        WebhookBodies.NextTimestamp();

        await bed.PostWebhookAsync(channel, WebhookBodies.Callback(
            WebhookBodies.Unfollow(blocksLast, timestamp: t + 500),
            WebhookBodies.Follow(blocksLast, timestamp: t),
            WebhookBodies.Follow(followsLast, timestamp: t + 500),
            WebhookBodies.Unfollow(followsLast, timestamp: t)));
        await bed.WaitUntilIdleAsync();

        var statuses = await bed.InTenantAsync(channel, (db, _) => db.Set<SmartBranch.Modules.Residents.Domain.Resident>()
            .Where(r => r.LineUserId == blocksLast || r.LineUserId == followsLast)
            .ToDictionaryAsync(r => r.LineUserId, r => r.Status.ToString()));
        Assert.Equal("Blocked", statuses[blocksLast]);
        Assert.Equal("Friend", statuses[followsLast]);
    }

    /// <summary>The welcome texts of residents.yml, linking to the environment's preference page through its LIFF app.</summary>
    private static List<string> HirakawaWelcomeTexts(TestChannel channel) =>
        WelcomeMessages.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"))
            .Cast<SmartBranch.Line.Messages.TextMessage>()
            .Select(m => m.Text.Replace(WelcomeMessages.PreferencesUrlPlaceholder, $"https://liff.line.me/{channel.LiffId}/preferences", StringComparison.Ordinal))
            .ToList();
}

public sealed class SqliteLineWebhookTests(SqliteTestBed fixture) : LineWebhookTests(fixture), IClassFixture<SqliteTestBed>;

public sealed class PostgresLineWebhookTests(PostgresTestBed fixture) : LineWebhookTests(fixture), IClassFixture<PostgresTestBed>;

[Collection(RabbitMqBroker.Name)]
public sealed class PostgresRabbitMqLineWebhookTests(PostgresRabbitMqTestBed fixture) : LineWebhookTests(fixture), IClassFixture<PostgresRabbitMqTestBed>;
