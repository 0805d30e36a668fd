using System.Security.Cryptography;
using System.Text;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// The key an Open311 client sends as <c>api_key</c> to file reports in one tenant environment. Only its SHA-256 hash
/// is stored: the key is 32 random bytes, so a fast hash is as safe as a slow one, and a lookup by hash stays one
/// index seek. The key itself is shown once, when created.
/// </summary>
public sealed class ReportApiKey : ITenantOwned
{
    public const int MaxNameLength = 100;
    private const string Prefix = "o311_";

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary>Who uses the key (道路管理システム, an app's name); becomes the source of the cases it files.</summary>
    public string Name { get; private init; } = "";

    public string Hash { get; private init; } = "";

    /// <summary>The key's first characters, so staff can tell keys apart without the key.</summary>
    public string Hint { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <returns>The key and the secret to show once.</returns>
    public static (ReportApiKey Key, string Secret) Create(string name, string createdBy, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new ReportApiKey
        {
            Name = name,
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        return (key, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <exception cref="ReportRuleException">Already revoked.</exception>
    public void Revoke(string revokedBy, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new ReportRuleException("この API キーはすでに無効にしてあります。");
        }

        RevokedAt = now;
        RevokedBy = revokedBy;
    }
}
