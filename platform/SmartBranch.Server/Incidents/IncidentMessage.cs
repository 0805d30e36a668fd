using System.Text;
using System.Text.Json.Nodes;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// The announcement of an incident that opened or resolved, as e-mail and as Slack or Teams webhook payloads.
/// It carries the alert's own words (counts, statuses), the scope and Japan times: no personal data, no secret.
/// </summary>
internal sealed record IncidentMessage(string Subject, string Title, string Scope, IReadOnlyList<(string Name, string Value)> Facts, string Detail, Uri? ConsoleLink)
{
    public static IncidentMessage For(Incident incident, string? tenantName, Uri? consoleLink)
    {
        var scope = incident.TenantSlug is null
            ? "プラットフォーム全体"
            : $"{tenantName ?? incident.TenantSlug}{(incident.EnvironmentName is { } environment ? $"（{environment}）" : "")}";
        var state = incident.State == IncidentState.Resolved ? "復旧" : "障害発生";
        List<(string, string)> facts = [("状態", state), ("対象", scope), ("発生日時", JapanTime.Display(incident.OpenedAt) + "（日本時間）")];
        if (incident.ResolvedAt is { } resolvedAt)
        {
            facts.Add(("復旧日時", JapanTime.Display(resolvedAt) + "（日本時間）"));
        }

        return new IncidentMessage($"[SmartBranch {state}] {incident.Title}（{scope}）", incident.Title, scope, facts, incident.Detail, consoleLink);
    }

    /// <summary>The same message without the console link, for a city's contacts (they have no console).</summary>
    public IncidentMessage WithoutLink() => this with { ConsoleLink = null };

    public string TextBody()
    {
        var text = new StringBuilder().AppendLine(Title).AppendLine();
        foreach (var (name, value) in Facts)
        {
            text.Append(name).Append(": ").AppendLine(value);
        }

        text.AppendLine().AppendLine(Detail);
        if (ConsoleLink is not null)
        {
            text.AppendLine().Append("コンソール: ").AppendLine(ConsoleLink.ToString());
        }

        return text.ToString();
    }

    public JsonObject Payload(IncidentWebhookFormat format) => format switch
    {
        IncidentWebhookFormat.Teams => TeamsMessageCard(),
        _ => new JsonObject { ["text"] = $"*{Subject}*\n{TextBody()}" },
    };

    private JsonObject TeamsMessageCard()
    {
        var facts = new JsonArray();
        foreach (var (name, value) in Facts)
        {
            facts.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }

        var card = new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = Subject,
            ["themeColor"] = Facts[0].Value == "復旧" ? "2E7D32" : "C62828",
            ["title"] = Subject,
            ["sections"] = new JsonArray { new JsonObject { ["facts"] = facts, ["text"] = Detail } },
        };
        if (ConsoleLink is not null)
        {
            card["potentialAction"] = new JsonArray
            {
                new JsonObject
                {
                    ["@type"] = "OpenUri",
                    ["name"] = "コンソールで開く",
                    ["targets"] = new JsonArray { new JsonObject { ["os"] = "default", ["uri"] = ConsoleLink.ToString() } },
                },
            };
        }

        return card;
    }
}
