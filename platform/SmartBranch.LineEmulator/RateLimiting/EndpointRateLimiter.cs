using System.Collections.Concurrent;

namespace SmartBranch.LineEmulator.RateLimiting;

/// <summary>Fixed-window counters per channel and endpoint, on an injectable clock.</summary>
internal sealed class EndpointRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Channel, string Key), Window> _windows = new();

    public bool TryAcquire(string channelId, RateLimitPolicy policy)
    {
        var window = _windows.GetOrAdd((channelId, policy.Key), _ => new Window());
        var slot = time.GetUtcNow().UtcTicks / policy.Window.Ticks;
        lock (window)
        {
            if (window.Slot != slot)
            {
                window.Slot = slot;
                window.Count = 0;
            }

            if (window.Count >= policy.Limit)
            {
                return false;
            }

            window.Count++;
            return true;
        }
    }

    private sealed class Window
    {
        public long Slot { get; set; } = -1;

        public int Count { get; set; }
    }
}
