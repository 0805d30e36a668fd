using System.Collections.Concurrent;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Accepted <c>X-Line-Retry-Key</c>s of one channel. A key is accepted once; repeats within 24 hours are
/// refused with 409 and not delivered again (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/).</summary>
internal sealed class RetryKeyStore
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<Guid, AcceptedRequest> _accepted = new();

    /// <summary>Reserves the key for this request; returns the earlier request when the key is already taken.</summary>
    public AcceptedRequest? TryReserve(Guid key, string requestId, DateTimeOffset now)
    {
        var mine = new AcceptedRequest(requestId, now);
        while (true)
        {
            if (_accepted.TryAdd(key, mine))
            {
                return null;
            }

            if (!_accepted.TryGetValue(key, out var existing))
            {
                continue;
            }

            if (now - existing.AcceptedAt < KeyLifetime)
            {
                return existing;
            }

            if (_accepted.TryUpdate(key, mine, existing))
            {
                return null;
            }
        }
    }

    /// <summary>Records what the accepted request sent, for the 409 body of later repeats.</summary>
    public void Complete(Guid key, string requestId, IReadOnlyList<SentMessage> sent)
    {
        if (_accepted.TryGetValue(key, out var existing) && existing.RequestId == requestId)
        {
            existing.SentMessages = sent;
        }
    }

    /// <summary>Frees a reservation whose request was not accepted (so a retry may go through).</summary>
    public void Release(Guid key, string requestId)
    {
        if (_accepted.TryGetValue(key, out var existing) && existing.RequestId == requestId)
        {
            _accepted.TryRemove(new KeyValuePair<Guid, AcceptedRequest>(key, existing));
        }
    }
}

internal sealed class AcceptedRequest(string requestId, DateTimeOffset acceptedAt)
{
    private IReadOnlyList<SentMessage>? _sentMessages;

    public string RequestId { get; } = requestId;

    public DateTimeOffset AcceptedAt { get; } = acceptedAt;

    public IReadOnlyList<SentMessage>? SentMessages
    {
        get => Volatile.Read(ref _sentMessages);
        set => Volatile.Write(ref _sentMessages, value);
    }
}

/// <summary>An entry of <c>sentMessages</c>.</summary>
internal sealed record SentMessage(string Id, string? QuoteToken);
