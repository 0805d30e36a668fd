using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Jpki;

namespace SmartBranch.IntegrationTests.Jpki;

/// <summary>On the embedded default, staging signs with the emulator's sandbox card and verifies with the real verifier
/// against the sandbox CA and its CRL; production has no provider until one is configured.</summary>
public sealed class JpkiSandboxSigningTests : IAsyncLifetime
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("住民票の写しの交付申請\n使用目的: 年金の手続き\n通数: 1");

    private EmbeddedEmulatorTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await EmbeddedEmulatorTestBed.StartAsync();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private HttpClient Browser => _bed.Sim;

    private IJpkiProviders Providers => _bed.App.Services.GetRequiredService<IJpkiProviders>();

    [Fact]
    public async Task A_sandbox_signature_is_verified_with_its_four_facts_and_a_revoked_residents_is_refused()
    {
        var taro = await CreateResidentAsync("平川 太郎");
        var hanako = await CreateResidentAsync("平川 花子");
        await Browser.GetStringAsync($"/_sim/users/{taro}/jpki");
        (await Browser.PostAsync($"/_sim/users/{hanako}/jpki/revoke", null)).EnsureSuccessStatusCode();
        var verifier = Providers.VerifierFor("hirakawa", "staging");

        var valid = await verifier.VerifyAsync(Document, await SignAsync(taro, "application-1"), CancellationToken.None);
        var revoked = await verifier.VerifyAsync(Document, await SignAsync(hanako, "application-2"), CancellationToken.None);

        Assert.Equal(JpkiVerificationOutcome.Verified, valid.Outcome);
        Assert.Equal(new JpkiIdentity("平川 太郎", "青森県平川市柏木町藤山２５番地６", new DateOnly(1980, 4, 1), JpkiSex.Male), valid.Identity);
        Assert.Equal(JpkiVerificationOutcome.CertificateRevoked, revoked.Outcome);
        Assert.Null(revoked.Identity);
    }

    [Fact]
    public async Task A_sandbox_signature_over_another_document_or_an_expired_card_is_refused()
    {
        var resident = await CreateResidentAsync("尾上 一郎");
        var signed = await SignAsync(resident, "application-3");
        (await Browser.PostAsync($"/_sim/users/{resident}/jpki/expired", null)).EnsureSuccessStatusCode();
        var verifier = Providers.VerifierFor("hirakawa", "staging");

        var otherDocument = await verifier.VerifyAsync(Encoding.UTF8.GetBytes("通数: 100"), signed, CancellationToken.None);
        var expired = await verifier.VerifyAsync(Document, await SignAsync(resident, "application-4"), CancellationToken.None);

        Assert.Equal(JpkiVerificationOutcome.SignatureInvalid, otherDocument.Outcome);
        Assert.Equal(JpkiVerificationOutcome.CertificateExpired, expired.Outcome);
    }

    [Fact]
    public async Task A_resident_who_cancels_at_the_card_is_a_provider_error_and_production_has_no_provider()
    {
        var resident = await CreateResidentAsync("平川 太郎");
        var provider = Providers.SigningFor("hirakawa", "staging");
        var start = await provider.StartAsync(Request("application-5"), CancellationToken.None);

        var back = await Browser.PostAsync(start.SigningUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = resident,
            ["action"] = "cancel",
        }));
        var cancelled = await Assert.ThrowsAsync<JpkiProviderException>(() => provider.CompleteAsync(Completion(start, back), CancellationToken.None));
        var production = Assert.Throws<JpkiProviderException>(() => Providers.SigningFor("hirakawa", "production"));

        Assert.Contains("cancelled", cancelled.Message, StringComparison.Ordinal);
        Assert.Contains("Tenants:hirakawa:production:Jpki:Provider", production.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts signing through the provider, signs on the card page as the resident would, and completes.</summary>
    private async Task<JpkiSignedDocument> SignAsync(string userId, string reference)
    {
        var provider = Providers.SigningFor("hirakawa", "staging");
        var start = await provider.StartAsync(Request(reference), CancellationToken.None);
        var page = await Browser.GetStringAsync($"{start.SigningUrl}?userId={userId}");
        Assert.Contains("年金の手続き", page, StringComparison.Ordinal);
        var back = await Browser.PostAsync(start.SigningUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = userId,
            ["action"] = "sign",
            ["password"] = "SANDBOX1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return await provider.CompleteAsync(Completion(start, back), CancellationToken.None);
    }

    private static JpkiSigningRequest Request(string reference) =>
        new(reference, Document, "住民票の写しの交付申請", new Uri($"https://hirakawa.example/r/hirakawa/staging/applications/{reference}/signed"));

    private static JpkiSigningCompletion Completion(JpkiSigningStart start, HttpResponseMessage back) =>
        new(start.SessionId, QueryHelpers.ParseQuery(back.Headers.Location!.Query).ToDictionary(q => q.Key, q => q.Value.ToString()));

    private async Task<string> CreateResidentAsync(string displayName)
    {
        var response = await Browser.PostAsJsonAsync("/_sim/users", new { displayName });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
    }
}
