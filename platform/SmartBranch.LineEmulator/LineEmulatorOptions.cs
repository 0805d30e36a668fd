namespace SmartBranch.LineEmulator;

/// <summary>Settings of the emulator; bindable from the configuration section <c>Emulator</c>.</summary>
public sealed class LineEmulatorOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Emulator";

    /// <summary>Where the emulator listens (its own origin; LINE's paths are served at the root). Port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://localhost:5081";

    /// <summary>Channels known at start; more can be added with <see cref="LineEmulatorServer.AddOrUpdateChannel"/>.</summary>
    public List<EmulatorChannel> Channels { get; set; } = [];

    /// <summary>Used when <see cref="WebhookRedeliveryDelays"/> is null.</summary>
    public static IReadOnlyList<TimeSpan> DefaultWebhookRedeliveryDelays { get; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>Delays before each redelivery of a webhook that failed (non-2xx or unreachable); null means
    /// <see cref="DefaultWebhookRedeliveryDelays"/> (1 s, 5 s, 30 s), empty means no redelivery. Null by default
    /// because the configuration binder appends configured array items to a non-null default instead of replacing it.</summary>
    public TimeSpan[]? WebhookRedeliveryDelays { get; set; }

    internal IReadOnlyList<TimeSpan> EffectiveWebhookRedeliveryDelays => WebhookRedeliveryDelays ?? DefaultWebhookRedeliveryDelays;

    /// <summary>How long a reply token stays usable. LINE: one minute
    /// (https://developers.line.biz/en/reference/messaging-api/#send-reply-message).</summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long content that users sent stays downloadable; afterwards the content endpoint answers 410.
    /// LINE deletes it "after a certain period" without publishing the period.</summary>
    public TimeSpan MessageContentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a simulated LIFF ID token is valid (LINE issues them for one hour).</summary>
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>A LINE channel (one LINE Official Account with the Messaging API) hosted by the emulator.</summary>
public sealed class EmulatorChannel
{
    public string ChannelId { get; set; } = "";

    public string ChannelSecret { get; set; } = "";

    public string ChannelAccessToken { get; set; } = "";

    public Uri? WebhookUrl { get; set; }

    public string BotDisplayName { get; set; } = "SmartBranch Bot";

    /// <summary>The bot's user id (U + 32 hex), the <c>destination</c> of webhooks; generated when empty.</summary>
    public string BotUserId { get; set; } = "";

    /// <summary>LIFF apps the channel holds from the start, with ids chosen by the host, as if added through
    /// <c>POST /liff/v1/apps</c>. Their ID tokens' audience is <see cref="ChannelId"/>. Registering the channel again
    /// adds or replaces these apps and leaves apps added through the API alone.</summary>
    public List<EmulatorLiffApp> LiffApps { get; set; } = [];
}

/// <summary>A LIFF app known to the emulator at a channel's registration.</summary>
public sealed class EmulatorLiffApp
{
    /// <summary>The LIFF id (LINE's are <c>{channel id}-{8 characters}</c>); unique across the emulator.</summary>
    public string LiffId { get; set; } = "";

    /// <summary>Where the app's LIFF URLs open (https, or http on a loopback host).</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary><c>compact</c>, <c>tall</c> or <c>full</c>.</summary>
    public string ViewType { get; set; } = "full";

    /// <summary>The app's name (may not contain "LINE").</summary>
    public string Description { get; set; } = "";
}
