namespace SmartBranch.Kernel.BackgroundWork;

/// <summary>How long background work waits before trying a failed item again: doubling, at most five minutes.</summary>
internal static class RetryBackoff
{
    public static TimeSpan After(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts, 16))));
}
