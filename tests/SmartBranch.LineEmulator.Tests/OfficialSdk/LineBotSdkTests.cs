using SmartBranch.Tests.Shared;

namespace SmartBranch.LineEmulator.Tests.OfficialSdk;

/// <summary>
/// LINE's official Node.js SDK (<c>@line/bot-sdk</c>, pinned in <c>tests/line-sdk/package.json</c>) drives the emulator
/// unchanged: <c>node --test</c> in <c>tests/line-sdk</c> against an emulator started here.
/// </summary>
public sealed class LineBotSdkTests
{
    private const string ChannelSecret = "fedcba9876543210fedcba9876543210";
    private const string AccessToken = "node-sdk-channel-access-token";

    [Fact]
    public async Task LINEs_Node_SDK_drives_the_emulator_unchanged()
    {
        var package = NodeTestPackage.Find("line-sdk");
        await using var emulator = await LineEmulatorServer.StartAsync(
            new LineEmulatorOptions
            {
                Url = "http://127.0.0.1:0",
                Channels = [new EmulatorChannel { ChannelId = "1650000099", ChannelSecret = ChannelSecret, ChannelAccessToken = AccessToken }],
            },
            TestContext.Current.CancellationToken);

        await package.RunTestsAsync(
            new Dictionary<string, string>
            {
                ["LINE_EMULATOR_URL"] = emulator.BaseUrl.ToString(),
                ["LINE_CHANNEL_ACCESS_TOKEN"] = AccessToken,
                ["LINE_CHANNEL_SECRET"] = ChannelSecret,
            },
            TimeSpan.FromMinutes(2));
    }
}
