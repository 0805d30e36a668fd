using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.LineEmulator.State;

/// <summary>The emulator's in-memory world: channels and simulated users.</summary>
internal sealed class EmulatorState(LineEmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);

    public LineEmulatorOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public ConcurrentDictionary<string, SimUser> Users { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ChannelState> Channels => [.. _channels.Values];

    public void AddOrUpdateChannel(EmulatorChannel channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel.ChannelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel.ChannelAccessToken);
        var copy = new EmulatorChannel
        {
            ChannelId = channel.ChannelId,
            ChannelSecret = channel.ChannelSecret,
            ChannelAccessToken = channel.ChannelAccessToken,
            WebhookUrl = channel.WebhookUrl,
            BotDisplayName = channel.BotDisplayName,
            BotUserId = string.IsNullOrEmpty(channel.BotUserId) ? Ids.NewUserId() : channel.BotUserId,
        };
        if (!string.IsNullOrEmpty(channel.BotUserId) && !Ids.IsUserId(channel.BotUserId))
        {
            throw new ArgumentException("BotUserId must be U followed by 32 lowercase hex digits.", nameof(channel));
        }

        _channels.AddOrUpdate(
            copy.ChannelId,
            _ => new ChannelState(copy),
            (_, existing) =>
            {
                if (string.IsNullOrEmpty(channel.BotUserId))
                {
                    copy.BotUserId = existing.Config.BotUserId;
                }

                existing.Update(copy);
                return existing;
            });
    }

    public ChannelState? FindChannel(string channelId) => _channels.GetValueOrDefault(channelId);

    /// <summary>The channel that holds this LIFF app, and the app.</summary>
    public (ChannelState Channel, Liff.LiffApp App)? FindLiffApp(string liffId)
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.LiffApps.TryGetValue(liffId, out var app))
            {
                return (channel, app);
            }
        }

        return null;
    }

    /// <summary>The channel whose access token this is (constant-time comparison per channel).</summary>
    public ChannelState? FindChannelByToken(string token)
    {
        var presented = Encoding.UTF8.GetBytes(token);
        ChannelState? found = null;
        foreach (var channel in _channels.Values)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(channel.Config.ChannelAccessToken)))
            {
                found = channel;
            }
        }

        return found;
    }
}
