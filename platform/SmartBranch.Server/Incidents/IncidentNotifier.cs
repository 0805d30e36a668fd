using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SmartBranch.Identity.Email;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// Announces opened and resolved incidents to the operators (with a console link) and, for a tenant's incident,
/// to that tenant's contacts (<c>Tenants:&lt;slug&gt;:Operations</c>), by e-mail and chat webhooks; webhook posts are
/// retried by the HTTP client's resilience pipeline. What went out, or failed, goes on the incident's timeline as
/// counts: addresses and webhook URLs stay out of it.
/// </summary>
internal sealed partial class IncidentNotifier(
    SmartBranchDbContext db,
    IStaffEmailSender emailSender,
    IHttpClientFactory httpClients,
    IOptions<IncidentOptions> options,
    IConfiguration configuration,
    ITenantCatalog catalog,
    TimeProvider clock,
    ILogger<IncidentNotifier> logger)
{
    public const string HttpClientName = "incident-webhooks";

    public async Task NotifyAsync(IncidentChanges changes, CancellationToken cancellationToken)
    {
        foreach (var incident in changes.Opened.Concat(changes.Resolved))
        {
            var outcome = await SendAsync(incident, cancellationToken);
            db.Set<IncidentEvent>().Add(IncidentRecorder.Event(incident.Id, clock.GetUtcNow(), outcome.Kind, outcome.Text(incident.IsOpen)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Outcome> SendAsync(Incident incident, CancellationToken cancellationToken)
    {
        var tenantName = incident.TenantSlug is { } slug ? catalog.Find(slug)?.Name : null;
        var message = IncidentMessage.For(incident, tenantName, ConsoleLink(incident));
        var outcome = new Outcome();
        await SendAsync(options.Value.Operators, message, outcome, cancellationToken);
        if (incident.TenantSlug is { } tenant)
        {
            var contacts = configuration.GetSection($"Tenants:{tenant}:Operations").Get<IncidentContacts>() ?? new IncidentContacts();
            await SendAsync(contacts, message.WithoutLink(), outcome, cancellationToken);
        }

        return outcome;
    }

    private async Task SendAsync(IncidentContacts contacts, IncidentMessage message, Outcome outcome, CancellationToken cancellationToken)
    {
        foreach (var address in contacts.Emails.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            try
            {
                await emailSender.SendAsync(new StaffEmail(address.Trim(), message.Subject, message.TextBody()), cancellationToken);
                outcome.EmailsSent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome.EmailsFailed++;
                LogEmailFailed(e);
            }
        }

        foreach (var webhook in contacts.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)))
        {
            try
            {
                using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(webhook.Url, message.Payload(webhook.Format), cancellationToken);
                response.EnsureSuccessStatusCode();
                outcome.WebhooksSent++;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                outcome.WebhooksFailed++;
                LogWebhookFailed(webhook.Format, e.GetType().Name);
            }
        }
    }

    private Uri? ConsoleLink(Incident incident) =>
        (configuration["Identity:PublicOrigin"] ?? configuration["Server:PublicUrl"]) is { Length: > 0 } origin
            ? new Uri(new Uri(origin.TrimEnd('/') + "/"), $"ops/incidents/{incident.Id}")
            : null;

    private sealed class Outcome
    {
        public int EmailsSent { get; set; }
        public int EmailsFailed { get; set; }
        public int WebhooksSent { get; set; }
        public int WebhooksFailed { get; set; }

        public IncidentEventKind Kind => EmailsFailed + WebhooksFailed > 0 || EmailsSent + WebhooksSent == 0
            ? IncidentEventKind.NotificationFailed
            : IncidentEventKind.Notified;

        public string Text(bool opened)
        {
            var what = opened ? "障害発生" : "復旧";
            if (EmailsSent + WebhooksSent + EmailsFailed + WebhooksFailed == 0)
            {
                return $"{what}の通知先が設定されていないため、通知していません。";
            }

            var text = $"{what}を通知しました（メール {EmailsSent} 件、Webhook {WebhooksSent} 件）。";
            return EmailsFailed + WebhooksFailed == 0 ? text : text + $"送信に失敗: メール {EmailsFailed} 件、Webhook {WebhooksFailed} 件。";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An incident e-mail could not be sent.")]
    private partial void LogEmailFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An incident webhook ({Format}) failed after retries: {Error}.")]
    private partial void LogWebhookFailed(IncidentWebhookFormat format, string error);
}
