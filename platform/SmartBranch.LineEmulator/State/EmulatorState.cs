using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

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

        var liffApps = channel.LiffApps.Select(ToLiffApp).ToList();
        foreach (var app in liffApps)
        {
            if (FindLiffApp(app.LiffId) is { } held && held.Channel.ChannelId != copy.ChannelId)
            {
                throw new ArgumentException($"The LIFF id {app.LiffId} belongs to channel {held.Channel.ChannelId}.", nameof(channel));
            }
        }

        var state = _channels.AddOrUpdate(
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
        foreach (var app in liffApps)
        {
            state.LiffApps[app.LiffId] = app;
        }
    }

    /// <summary>A LIFF app given at registration, checked by the rules of <c>POST /liff/v1/apps</c>.</summary>
    private static Liff.LiffApp ToLiffApp(EmulatorLiffApp app)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(app.LiffId);
        var settings = new JsonObject
        {
            ["view"] = new JsonObject { ["type"] = app.ViewType, ["url"] = app.EndpointUrl?.AbsoluteUri },
            ["description"] = app.Description,
            ["scope"] = new JsonArray("openid", "profile", "chat_message.write"),
        };
        var errors = Liff.LiffAppRules.Validate(settings, isUpdate: false);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"LIFF app {app.LiffId}: {string.Join("; ", errors.Select(e => $"{e.Property}: {e.Message}"))}", nameof(app));
        }

        return new Liff.LiffApp(app.LiffId, Liff.LiffAppRules.WithDefaults(settings));
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
