using Microsoft.Extensions.Configuration;

namespace SmartBranch.LineEmulator.Tests.Simulation;

public sealed class OptionsBindingTests
{
    [Fact]
    public void Options_bind_from_the_Emulator_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Url"] = "http://127.0.0.1:0",
            ["Emulator:WebhookRedeliveryDelays:0"] = "00:00:00.200",
            ["Emulator:Channels:0:ChannelId"] = "1650000001",
            ["Emulator:Channels:0:ChannelSecret"] = "secret",
            ["Emulator:Channels:0:ChannelAccessToken"] = "token",
            ["Emulator:Channels:0:WebhookUrl"] = "http://localhost:5080/line/hirakawa/staging/webhook",
        }).Build();

        var options = configuration.GetSection(LineEmulatorOptions.SectionName).Get<LineEmulatorOptions>()!;

        Assert.Equal("http://127.0.0.1:0", options.Url);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], options.WebhookRedeliveryDelays!);
        Assert.Equal(LineEmulatorOptions.DefaultWebhookRedeliveryDelays, new LineEmulatorOptions().EffectiveWebhookRedeliveryDelays);
        var channel = Assert.Single(options.Channels);
        Assert.Equal("token", channel.ChannelAccessToken);
        Assert.Equal(new Uri("http://localhost:5080/line/hirakawa/staging/webhook"), channel.WebhookUrl);
    }
}
