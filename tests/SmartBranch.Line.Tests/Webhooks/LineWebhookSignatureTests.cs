using System.Text;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Line.Tests.Webhooks;

public sealed class LineWebhookSignatureTests
{
    private const string ChannelSecret = "8c570fa6dd201bb328f1c1eac23a96d8";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}""");

    // HMAC-SHA256 of Body keyed with ChannelSecret, base64, as computed by `openssl dgst -sha256 -hmac`.
    private const string LineSignature = "GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=";

    [Fact]
    public void Computes_the_signature_LINE_sends()
    {
        Assert.Equal(LineSignature, LineWebhookSignature.Compute(ChannelSecret, Body));
    }

    [Fact]
    public void Accepts_the_signature_of_the_body()
    {
        Assert.True(LineWebhookSignature.IsValid(ChannelSecret, Body, LineSignature));
    }

    [Fact]
    public void Rejects_a_changed_body()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[{}]}""");

        Assert.False(LineWebhookSignature.IsValid(ChannelSecret, tampered, LineSignature));
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_secret()
    {
        var forged = LineWebhookSignature.Compute("another-channel-secret", Body);

        Assert.False(LineWebhookSignature.IsValid(ChannelSecret, Body, forged));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Rejects_a_missing_or_malformed_header(string? header)
    {
        Assert.False(LineWebhookSignature.IsValid(ChannelSecret, Body, header));
    }
}
