using System.Diagnostics.Metrics;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// Delivery progress on <c>/metrics</c> (meter <c>SmartBranch.Broadcast</c>): recipients by tenant environment
/// and outcome, counted as LINE answers for their batch. Never a recipient's id. One meter for the process, as the
/// LINE client's: the counter made from each host's <see cref="IMeterFactory"/> was missing from some hosts' exports
/// when several hosts shared a process (the integration test suite); the static meter was not.
/// </summary>
internal static class BroadcastMetrics
{
    public const string MeterName = "SmartBranch.Broadcast";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Recipients = Meter.CreateCounter<long>(
        "smartbranch.broadcast.recipients",
        "{recipient}",
        "Recipients of deliveries: sent (LINE accepted their batch), failed (refused, or withheld by a stop or expiry), excluded (blocked before sending).");

    public static void Sent(BroadcastRun run, int recipients) => Add(run, recipients, "sent");

    public static void Failed(BroadcastRun run, int recipients) => Add(run, recipients, "failed");

    public static void Excluded(BroadcastRun run, int recipients) => Add(run, recipients, "excluded");

    private static void Add(BroadcastRun run, int recipients, string outcome)
    {
        if (recipients > 0)
        {
            Recipients.Add(recipients, new("tenant", run.TenantSlug), new("environment", run.EnvironmentName), new("outcome", outcome));
        }
    }
}
