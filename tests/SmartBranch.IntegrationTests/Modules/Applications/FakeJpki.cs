using System.Collections.Concurrent;
using System.Security.Cryptography;
using SmartBranch.Jpki;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>
/// The card and its verification, as far as the Applications module sees them: signing "sessions" that sign exactly
/// the document they were started with, and a verifier that checks that and answers the outcome the test chose.
/// </summary>
internal sealed class FakeJpki : IJpkiProviders, IJpkiSigningProvider, IJpkiSignatureVerifier
{
    public static readonly JpkiIdentity Hanako = new("平川 花子", "青森県平川市柏木町藤山25番地6", new DateOnly(1985, 4, 1), JpkiSex.Female);

    private readonly ConcurrentDictionary<string, JpkiSigningRequest> _sessions = new();
    private readonly ConcurrentDictionary<string, JpkiVerificationOutcome> _nextOutcome = new();
    private readonly ConcurrentDictionary<string, bool> _cancelNext = new();
    private int _sessionCount;

    public IReadOnlyList<JpkiSigningRequest> Started => _sessions.Values.ToList();

    /// <summary>The next verification of this application's signature answers <paramref name="outcome"/>.</summary>
    public void RefuseNext(Guid applicationId, JpkiVerificationOutcome outcome) => _nextOutcome[applicationId.ToString()] = outcome;

    /// <summary>The resident abandons the next signing of this application at the provider.</summary>
    public void CancelNext(Guid applicationId) => _cancelNext[applicationId.ToString()] = true;

    public IReadOnlyList<JpkiSigningRequest> StartedFor(Guid applicationId) => _sessions.Values.Where(r => r.Reference == applicationId.ToString()).ToList();

    public IJpkiSigningProvider SigningFor(string tenantSlug, string environmentName) => this;

    public IJpkiSignatureVerifier VerifierFor(string tenantSlug, string environmentName) => this;

    public Task<JpkiSigningStart> StartAsync(JpkiSigningRequest request, CancellationToken cancellationToken)
    {
        var sessionId = $"session-{Interlocked.Increment(ref _sessionCount)}";
        _sessions[sessionId] = request;
        return Task.FromResult(new JpkiSigningStart(sessionId, new Uri($"https://sign.example/sessions/{sessionId}")));
    }

    public Task<JpkiSignedDocument> CompleteAsync(JpkiSigningCompletion completion, CancellationToken cancellationToken)
    {
        var request = _sessions.TryGetValue(completion.SessionId, out var started) ? started : throw new JpkiProviderException("Unknown session.");
        if (_cancelNext.TryRemove(request.Reference, out _))
        {
            throw new JpkiProviderException("The resident cancelled.");
        }

        return Task.FromResult(new JpkiSignedDocument(SHA256.HashData(request.Document), "certificate-der"u8.ToArray()));
    }

    public Task<JpkiVerification> VerifyAsync(byte[] document, JpkiSignedDocument signature, CancellationToken cancellationToken)
    {
        var reference = _sessions.Values.First(r => r.Document.AsSpan().SequenceEqual(document)).Reference;
        var outcome = !SHA256.HashData(document).AsSpan().SequenceEqual(signature.Signature) ? JpkiVerificationOutcome.SignatureInvalid
            : _nextOutcome.TryRemove(reference, out var chosen) ? chosen
            : JpkiVerificationOutcome.Verified;
        return Task.FromResult(new JpkiVerification(outcome, outcome == JpkiVerificationOutcome.Verified ? Hanako : null, "0A1B2C", DateTimeOffset.UtcNow));
    }
}
