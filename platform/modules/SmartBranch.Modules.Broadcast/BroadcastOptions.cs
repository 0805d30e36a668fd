using SmartBranch.Line.Client;

namespace SmartBranch.Modules.Broadcast;

/// <summary>The sending engine's settings, from <c>Modules:Broadcast</c>.</summary>
public sealed class BroadcastOptions
{
    public const string SectionName = "Modules:Broadcast";

    /// <summary>Recipients per multicast: LINE allows 500; fewer only to exercise batching in tests.</summary>
    public int BatchSize { get; set; } = LineSendLimits.MaxMulticastRecipients;

    /// <summary>
    /// Batches stored and sent together per round. The channel's rate limiter spaces the requests (LINE allows 200
    /// multicasts a second), so this only needs to cover LINE's answer time at that rate: 32 in flight keep the
    /// limit busy while LINE takes up to 160 ms to answer.
    /// </summary>
    public int ConcurrentBatches { get; set; } = 32;

    /// <summary>How long a worker holds a send it stopped renewing (it crashed) before another worker resumes it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A send whose time passed longer ago than this (the system was down) is held back for staff to confirm.</summary>
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        if (BatchSize is < 1 or > LineSendLimits.MaxMulticastRecipients)
        {
            throw new InvalidOperationException($"{SectionName}:BatchSize must be 1 to {LineSendLimits.MaxMulticastRecipients}.");
        }

        if (ConcurrentBatches < 1 || LeaseDuration <= TimeSpan.Zero || MissedAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}: ConcurrentBatches, LeaseDuration and MissedAfter must be positive.");
        }
    }
}
