using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>Signing requests a service provider made, each waiting for a resident at the card page.</summary>
internal sealed class SandboxSigningSessions
{
    private readonly ConcurrentDictionary<string, SandboxSigningSession> _sessions = new(StringComparer.Ordinal);

    public SandboxSigningSession Create(string reference, string title, byte[] document, Uri returnUrl)
    {
        var session = new SandboxSigningSession(RandomNumberGenerator.GetHexString(32, lowercase: true), reference, title, document, returnUrl);
        _sessions[session.Id] = session;
        return session;
    }

    public SandboxSigningSession? Find(string id) => _sessions.GetValueOrDefault(id);
}

internal enum SandboxSigningStatus
{
    Pending,
    Signed,
    Cancelled,
    Locked,
}

internal sealed class SandboxSigningSession(string id, string reference, string title, byte[] document, Uri returnUrl)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string Reference { get; } = reference;

    public string Title { get; } = title;

    public byte[] Document { get; } = document;

    public Uri ReturnUrl { get; } = returnUrl;

    public SandboxSigningStatus Status { get; private set; }

    public byte[]? Signature { get; private set; }

    public byte[]? Certificate { get; private set; }

    /// <summary>Ends the session once; false when it had already ended.</summary>
    public bool TryFinish(SandboxSigningStatus status, byte[]? signature = null, byte[]? certificate = null)
    {
        lock (_gate)
        {
            if (Status != SandboxSigningStatus.Pending)
            {
                return false;
            }

            (Status, Signature, Certificate) = (status, signature, certificate);
            return true;
        }
    }

    /// <summary>The return URL with <c>session</c> and <c>result</c> added.</summary>
    public string ReturnLocation()
    {
        var location = new UriBuilder(ReturnUrl);
        var added = $"session={Id}&result={Status.ToString().ToLowerInvariant()}";
        location.Query = location.Query.Length > 1 ? $"{location.Query[1..]}&{added}" : added;
        return location.Uri.AbsoluteUri;
    }
}
