namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// The system clock moved to a time the test sets, while timers, delays and timestamps keep running in real
/// time. A whole server can run on it: a frozen fake clock would stop every delay in the server (HTTP retry
/// backoff, and with it the wait for calls in flight when the server shuts down).
/// </summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the clock reads <paramref name="now"/>, and goes on from there.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);
}
