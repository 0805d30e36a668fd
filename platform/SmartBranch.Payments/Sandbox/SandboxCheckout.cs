using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SmartBranch.Payments.Sandbox;

/// <summary>An open sandbox checkout; it travels in its page's URL, protected (<see cref="SandboxCheckoutTokens"/>), so nothing is stored.</summary>
public sealed record SandboxCheckout(
    string Id,
    string TenantSlug,
    string EnvironmentName,
    string Reference,
    IReadOnlyList<PaymentLineItem> Lines,
    IReadOnlyList<string> Methods,
    Uri SuccessUrl,
    Uri CancelUrl,
    DateTimeOffset ExpiresAt)
{
    public long TotalYen => Lines.Sum(l => l.UnitAmountYen * l.Quantity);

    /// <summary>The payment a completed checkout makes: one per checkout, so a second press pays nothing twice.</summary>
    public string PaymentId => DerivedId("sbx_pi_", Id);

    public static string DerivedId(string prefix, string of) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(of)))[..24];
}

/// <summary>Protects a <see cref="SandboxCheckout"/> for its page's URL until it expires; a changed or expired token reads as null.</summary>
public sealed class SandboxCheckoutTokens(IDataProtectionProvider dataProtection)
{
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("SmartBranch.Payments.Sandbox.Checkout").ToTimeLimitedDataProtector();

    public string Protect(SandboxCheckout checkout) => _protector.Protect(JsonSerializer.Serialize(checkout, SandboxEvent.SerializerOptions), checkout.ExpiresAt);

    public SandboxCheckout? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SandboxCheckout>(_protector.Unprotect(token), SandboxEvent.SerializerOptions);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
