using Microsoft.Extensions.Configuration;
using SmartBranch.Server.Hosting;

namespace SmartBranch.IntegrationTests.Hosting;

public sealed class StartupBannerTests
{
    [Fact]
    public void The_first_line_names_the_server_the_emulator_and_the_resident_simulator()
    {
        var text = StartupBanner.Text(new ConfigurationBuilder().Build());

        Assert.StartsWith("SmartBranch: http://localhost:5080 ", text, StringComparison.Ordinal);
        Assert.Contains("LINE emulator http://localhost:5081,", text, StringComparison.Ordinal);
        Assert.Contains("resident simulator http://localhost:5081/_sim/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_embedded_emulator_it_names_neither()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Emulator:Embedded", "false")]).Build();

        Assert.DoesNotContain("emulator", StartupBanner.Text(configuration), StringComparison.OrdinalIgnoreCase);
    }
}
