using System.Diagnostics.Metrics;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// Delivery progress on <c>/metrics</c> (meter <c>SmartBranch.Broadcast</c>): recipients by tenant environment
/// and outcome, counted as LINE answers for their batch. Never a recipient's id.
/// </summary>
internal sealed class BroadcastMetrics
{
    public const string MeterName = "SmartBranch.Broadcast";

    private readonly Counter<long> _recipients;

    public BroadcastMetrics(IMeterFactory meters) =>
        _recipients = meters.Create(MeterName).CreateCounter<long>(
            "smartbranch.broadcast.recipients",
            "{recipient}",
            "Recipients of deliveries: sent (LINE accepted their batch), failed (refused, or withheld by a stop or expiry), excluded (blocked before sending).");

    public void Sent(BroadcastRun run, int recipients) => Add(run, recipients, "sent");

    public void Failed(BroadcastRun run, int recipients) => Add(run, recipients, "failed");

    public void Excluded(BroadcastRun run, int recipients) => Add(run, recipients, "excluded");

    private void Add(BroadcastRun run, int recipients, string outcome)
    {
        if (recipients > 0)
        {
            _recipients.Add(recipients, new("tenant", run.TenantSlug), new("environment", run.EnvironmentName), new("outcome", outcome));
        }
    }
}
