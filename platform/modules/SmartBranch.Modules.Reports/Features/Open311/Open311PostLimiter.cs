using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>
/// How many requests one API key may create per hour (<c>Reports:Open311:PostsPerHour</c>, 120 unless set), so a
/// runaway client cannot flood a department's inbox and mailbox. Counted in this server's memory: with several
/// servers each counts its own share.
/// </summary>
internal sealed class Open311PostLimiter : IDisposable
{
    public const int DefaultPostsPerHour = 120;

    private readonly PartitionedRateLimiter<Guid> _limiter;

    public Open311PostLimiter(IConfiguration configuration)
    {
        var perHour = configuration.GetValue("Reports:Open311:PostsPerHour", DefaultPostsPerHour);
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <returns>Whether the key may create one more request now.</returns>
    public bool TryAcquire(Guid apiKeyId)
    {
        using var lease = _limiter.AttemptAcquire(apiKeyId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
