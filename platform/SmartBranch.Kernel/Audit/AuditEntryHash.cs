using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace SmartBranch.Kernel.Audit;

/// <summary>
/// The SHA-256 of an entry: over a canonical JSON array of every stored field (fixed order,
/// times as UTC microseconds) and the previous entry's hash.
/// </summary>
internal static class AuditEntryHash
{
    /// <summary>The "previous hash" of a chain's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue("v1");
            json.WriteStringValue(entry.Chain);
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.TenantSlug);
            json.WriteStringValue(entry.EnvironmentName);
            json.WriteStringValue(CanonicalTime(entry.OccurredAt));
            json.WriteStringValue(entry.ActorKind.ToString());
            json.WriteStringValue(entry.ActorUserId);
            json.WriteStringValue(entry.ActorDisplayName);
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.TargetType);
            json.WriteStringValue(entry.TargetId);
            json.WriteStringValue(entry.Summary);
            json.WriteBooleanValue(entry.TouchesPersonalData);
            json.WriteStringValue(entry.ClientIp);
            json.WriteStringValue(entry.PreviousHash);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>PostgreSQL keeps microseconds, so a time is cut to them before it is stored and hashed.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private static string CanonicalTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
