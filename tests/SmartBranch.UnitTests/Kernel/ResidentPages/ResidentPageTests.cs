using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.UnitTests.Kernel.ResidentPages;

public sealed class ResidentPageTests
{
    private static readonly Uri Emulator = new("http://localhost:5081/");

    [Fact]
    public void In_Emulator_mode_a_page_loads_the_emulators_LIFF_SDK_and_may_be_framed_by_its_simulator_only()
    {
        var policy = ResidentPage.ContentSecurityPolicy(Settings(LineMode.Emulator, Emulator));

        Assert.Contains("script-src 'self' http://localhost:5081;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors http://localhost:5081", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void With_LINE_a_page_loads_LINEs_LIFF_SDK_and_is_never_framed()
    {
        var policy = ResidentPage.ContentSecurityPolicy(Settings(LineMode.Line, new Uri("https://api.line.me/")));

        Assert.Contains("script-src 'self' https://static.line-scdn.net;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_encoded_for_HTML_but_Japanese_stays_readable()
    {
        Assert.Equal("防災 &lt;script&gt; &quot;x&quot;", ResidentPage.Encode("防災 <script> \"x\""));
    }

    private static TenantLineSettings Settings(LineMode mode, Uri apiBase) =>
        new(mode, "2000000001", "secret", "token", apiBase, apiBase, "2000000001", "2000000001-abcdefgh");
}
