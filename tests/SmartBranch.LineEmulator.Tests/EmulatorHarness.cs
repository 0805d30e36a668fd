using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests;

/// <summary>An emulator with one channel whose webhook is a <see cref="WebhookReceiver"/>, and clients for it.</summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    public const string ChannelId = "1650000001";
    public const string ChannelSecret = "0123456789abcdef0123456789abcdef";
    public const string AccessToken = "test-channel-access-token";
    public const string BotUserId = "U0123456789abcdef0123456789abcdef";

    private EmulatorHarness(LineEmulatorServer server, WebhookReceiver receiver)
    {
        Server = server;
        Receiver = receiver;
        Sim = new HttpClient { BaseAddress = server.BaseUrl };
        Bot = new HttpClient { BaseAddress = server.BaseUrl };
        Bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
    }

    public LineEmulatorServer Server { get; }

    public WebhookReceiver Receiver { get; }

    /// <summary>Calls the simulation API (no credentials).</summary>
    public HttpClient Sim { get; }

    /// <summary>Calls LINE's API with the channel access token.</summary>
    public HttpClient Bot { get; }

    public static async Task<EmulatorHarness> StartAsync(TimeProvider? time = null, TimeSpan[]? redeliveryDelays = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var options = new LineEmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            WebhookRedeliveryDelays = redeliveryDelays ?? [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)],
            Channels =
            [
                new EmulatorChannel
                {
                    ChannelId = ChannelId,
                    ChannelSecret = ChannelSecret,
                    ChannelAccessToken = AccessToken,
                    WebhookUrl = receiver.Url,
                    BotDisplayName = "平川市",
                    BotUserId = BotUserId,
                },
            ],
        };
        var server = await LineEmulatorServer.StartAsync(options, time ?? TimeProvider.System, TestContext.Current.CancellationToken);
        return new EmulatorHarness(server, receiver);
    }

    public async Task<string> CreateUserAsync(string displayName = "山田 太郎")
    {
        var response = await Sim.PostAsJsonAsync("/_sim/users", new { displayName, language = "ja" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
    }

    /// <summary>Simulates an event and waits for the webhook it caused (if any).</summary>
    public async Task<(JsonObject Result, ReceivedWebhook Webhook)> SimulateAsync(string userId, object body)
    {
        var response = await Sim.PostAsJsonAsync($"/_sim/users/{userId}/events", body);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.IsSuccessStatusCode, result.ToJsonString());
        return (result, await Receiver.NextAsync());
    }

    /// <summary>A user who follows the channel; returns the user id and the follow event's reply token.</summary>
    public async Task<(string UserId, string ReplyToken)> CreateFollowerAsync(string displayName = "山田 太郎")
    {
        var userId = await CreateUserAsync(displayName);
        var (result, _) = await SimulateAsync(userId, new { type = "follow" });
        return (userId, result["replyToken"]!.GetValue<string>());
    }

    public async Task<JsonArray> InboxAsync(string userId)
    {
        var inbox = await Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox");
        return inbox!["messages"]!.AsArray();
    }

    public static object Text(string text) => new { type = "text", text };

    public async ValueTask DisposeAsync()
    {
        Sim.Dispose();
        Bot.Dispose();
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
