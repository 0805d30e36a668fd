using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>
/// A one-time code a staff member sends from their phone's LINE to the city's account, linking that LINE
/// account to them as a test recipient. Eight characters from an alphabet without look-alikes (no 0/O, 1/I),
/// shown as <c>ABCD-EFGH</c>: 32⁸ codes, ten minutes each, cannot be guessed by a resident.
/// </summary>
public sealed partial class BroadcastTestAccountCode : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Code { get; private init; } = "";
    public string StaffUserId { get; private init; } = "";
    public string StaffDisplayName { get; private init; } = "";
    public DateTimeOffset ExpiresAt { get; private init; }

    public static BroadcastTestAccountCode Issue(string staffUserId, string staffDisplayName, DateTimeOffset now)
    {
        string code;
        do
        {
            var characters = new StringBuilder(9);
            for (var i = 0; i < 8; i++)
            {
                characters.Append(i == 4 ? "-" : "").Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
            }

            code = characters.ToString();
        }
        while (!Shape().IsMatch(code));

        return new() { Code = code, StaffUserId = staffUserId, StaffDisplayName = staffDisplayName, ExpiresAt = now + Lifetime };
    }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>
    /// The code a chat message holds, in the stored form, or null when the message is not shaped like a code
    /// (an ordinary message from a resident). Full-width characters, lower case and spaces around are forgiven,
    /// as phones type them. A code holds at least one letter, so numbers such as "2026-1101" are never taken for one.
    /// </summary>
    public static string? Recognize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant().Replace('ー', '-').Replace('−', '-');
        return Shape().IsMatch(normalized) ? normalized : null;
    }

    [GeneratedRegex("^(?=.*[A-Z])[A-Z0-9]{4}-[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
