using SmartBranch.Line.Client;

namespace SmartBranch.Modules.Broadcast.Features.Shared;

/// <summary>
/// LINE's monthly message quota against a send. LINE counts one message per recipient of a multicast, however
/// many message objects it carries, and refuses sends beyond the quota.
/// </summary>
internal sealed class BroadcastQuotaCheck(ILineMessagingClient line)
{
    /// <returns>A warning in Japanese when the month's remaining quota cannot cover <paramref name="recipients"/>; null when it can.</returns>
    public async Task<string?> WarningForAsync(int recipients, CancellationToken cancellationToken)
    {
        var quota = await line.GetMessageQuotaAsync(cancellationToken);
        return quota.Remaining is { } remaining && remaining < recipients
            ? $"LINE の今月の送信上限が足りません。残り {remaining:N0} 通に対し、対象は {recipients:N0} 人です（上限 {quota.Limit:N0} 通、使用済み {quota.Used:N0} 通）。"
            : null;
    }
}
