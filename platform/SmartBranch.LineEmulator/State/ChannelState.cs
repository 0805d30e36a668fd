using System.Collections.Concurrent;
using SmartBranch.LineEmulator.Liff;
using SmartBranch.LineEmulator.Messaging;
using SmartBranch.LineEmulator.RichMenus;

namespace SmartBranch.LineEmulator.State;

/// <summary>Everything the emulator holds for one channel. All members are thread-safe.</summary>
internal sealed class ChannelState(EmulatorChannel config)
{
    private EmulatorChannel _config = config;

    public EmulatorChannel Config => Volatile.Read(ref _config);

    public string ChannelId => Config.ChannelId;

    /// <summary>Friendship of each user who ever followed this channel.</summary>
    public ConcurrentDictionary<string, Friendship> Friends { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ReplyTokenEntry> ReplyTokens { get; } = new(StringComparer.Ordinal);

    public RetryKeyStore RetryKeys { get; } = new();

    public ConcurrentDictionary<string, NarrowcastProgress> Narrowcasts { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, StoredContent> Contents { get; } = new(StringComparer.Ordinal);

    public RichMenuStore RichMenus { get; } = new();

    /// <summary>LIFF apps by LIFF id. On LINE they belong to a LINE Login channel; the emulator keeps them on the
    /// channel whose access token added them, and that channel's id is their ID tokens' audience.</summary>
    public ConcurrentDictionary<string, LiffApp> LiffApps { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages counted against the monthly quota (push, multicast, narrowcast, broadcast; not reply), and its limit.</summary>
    public MonthlyQuota Quota { get; } = new();

    public void Update(EmulatorChannel config) => Volatile.Write(ref _config, config);

    public bool IsFollowedBy(string userId) => Friends.TryGetValue(userId, out var f) && f.Following;

    public IReadOnlyList<string> Followers() => [.. Friends.Where(f => f.Value.Following).Select(f => f.Key).Order(StringComparer.Ordinal)];
}

/// <summary>Whether a user follows the channel now, and whether they ever blocked it.</summary>
internal sealed record Friendship(bool Following, bool EverUnfollowed);

internal sealed record ReplyTokenEntry(string UserId, DateTimeOffset ExpiresAt);

internal sealed record StoredContent(byte[] Data, string ContentType, DateTimeOffset ReceivedAt);

internal sealed record NarrowcastProgress(DateTimeOffset AcceptedTime, DateTimeOffset CompletedTime, long TargetCount, long SuccessCount);
