using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Networking;

namespace SmartBranch.UnitTests.Kernel.Networking;

public sealed class ContentSecurityPolicyImageSourcesTests
{
    [Fact]
    public void A_response_adds_its_image_origins_once_to_the_policys_img_src_and_others_keep_the_policy()
    {
        const string policy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        var map = new DefaultHttpContext();
        ContentSecurityPolicyImageSources.Allow(map, "https://cyberjapandata.gsi.go.jp");
        ContentSecurityPolicyImageSources.Allow(map, "https://CYBERJAPANDATA.gsi.go.jp");

        Assert.Equal(
            "default-src 'self'; img-src 'self' data: https://cyberjapandata.gsi.go.jp; frame-ancestors 'none'",
            ContentSecurityPolicyImageSources.Apply(map, policy));
        Assert.Equal(policy, ContentSecurityPolicyImageSources.Apply(new DefaultHttpContext(), policy));
        Assert.Equal(
            "default-src 'self'; img-src 'self' https://cyberjapandata.gsi.go.jp",
            ContentSecurityPolicyImageSources.Apply(map, "default-src 'self'"));
    }
}
