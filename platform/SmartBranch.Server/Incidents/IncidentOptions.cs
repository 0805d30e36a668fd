namespace SmartBranch.Server.Incidents;

/// <summary>
/// Configuration section <c>Incidents</c>: who hears about incidents and how often rules are checked (the
/// rules' thresholds are <see cref="SmartBranch.Kernel.Incidents.AlertThresholds"/>, in the same section).
/// A tenant's own contacts are <c>Tenants:&lt;slug&gt;:Operations</c> (<see cref="IncidentContacts"/>).
/// </summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>Worker processes check the rules (off in the tests' hosts, which evaluate when a test says so).</summary>
    public bool Scheduled { get; set; } = true;

    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The vendor's operators: every incident, with a link to the console.</summary>
    public IncidentContacts Operators { get; set; } = new();
}

/// <summary>Where an incident is announced: e-mail addresses and chat webhooks.</summary>
public sealed class IncidentContacts
{
    public List<string> Emails { get; set; } = [];

    /// <summary>Incoming-webhook URLs of Slack or Microsoft Teams. They are secrets: keep them in the secret store.</summary>
    public List<IncidentWebhook> Webhooks { get; set; } = [];
}

public enum IncidentWebhookFormat
{
    /// <summary><c>{"text": …}</c>, which Slack's incoming webhooks (and Mattermost's, Rocket.Chat's) take.</summary>
    Slack,

    /// <summary>An Office 365 connector MessageCard, which Microsoft Teams' incoming webhooks take.</summary>
    Teams,
}

public sealed class IncidentWebhook
{
    public string Url { get; set; } = "";

    public IncidentWebhookFormat Format { get; set; } = IncidentWebhookFormat.Slack;
}
