namespace SmartBranch.LineEmulator.State;

/// <summary>
/// A channel's monthly message count and its optional target limit
/// (https://developers.line.biz/en/reference/messaging-api/#get-quota). Push, multicast, narrowcast and
/// broadcast count one message per recipient, replies none; the count starts again each month (JST, as
/// LINE Official Account Manager's months do). A request that would take the count past the limit is
/// refused whole, before anything is delivered.
/// </summary>
internal sealed class MonthlyQuota
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private readonly Lock _lock = new();
    private (int Year, int Month) _month;
    private long _used;

    /// <summary>The target limit; null is LINE's quota type <c>none</c>.</summary>
    public long? Limit { get; private set; }

    public void SetLimit(long? limit)
    {
        lock (_lock)
        {
            Limit = limit;
        }
    }

    public long UsedAt(DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            return _used;
        }
    }

    /// <summary>Counts <paramref name="messages"/> unless that would exceed the limit.</summary>
    public bool TryUse(long messages, DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            if (Limit is { } limit && _used + messages > limit)
            {
                return false;
            }

            _used += messages;
            return true;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var local = now.ToOffset(Japan);
        if ((local.Year, local.Month) != _month)
        {
            (_month, _used) = ((local.Year, local.Month), 0);
        }
    }
}
