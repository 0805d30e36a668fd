using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>The simulated residents' test cards: issued on first use with the next test identity, reissued (valid or
/// expired) and revoked through the simulator's controls.</summary>
internal sealed class SandboxCards(SandboxCertificateAuthority authority) : IDisposable
{
    private readonly ConcurrentDictionary<string, SandboxCard> _cards = new(StringComparer.Ordinal);
    private readonly Lock _issuing = new();
    private int _issuedIdentities;

    public SandboxCard? Find(string userId) => _cards.GetValueOrDefault(userId);

    /// <param name="crlUrl">The emulator's CRL endpoint, recorded in the certificate.</param>
    public SandboxCard CardFor(string userId, Uri crlUrl)
    {
        lock (_issuing)
        {
            return _cards.TryGetValue(userId, out var card) ? card : Issue(userId, NextIdentity(), expired: false, crlUrl);
        }
    }

    /// <summary>A new card with the same test identity (the old certificate is left as it was: valid, or revoked).</summary>
    public SandboxCard Reissue(string userId, bool expired, Uri crlUrl)
    {
        lock (_issuing)
        {
            var identity = _cards.TryGetValue(userId, out var old) ? old.Identity : NextIdentity();
            return Issue(userId, identity, expired, crlUrl);
        }
    }

    private SandboxIdentity NextIdentity() =>
        SandboxIdentity.TestResidents[_issuedIdentities++ % SandboxIdentity.TestResidents.Count];

    private SandboxCard Issue(string userId, SandboxIdentity identity, bool expired, Uri crlUrl)
    {
        var key = RSA.Create(2048);
        var card = new SandboxCard(identity, key, authority.Issue(identity, key, expired, crlUrl));
        _cards[userId] = card;
        return card;
    }

    public void Dispose()
    {
        foreach (var card in _cards.Values)
        {
            card.Dispose();
        }
    }
}
