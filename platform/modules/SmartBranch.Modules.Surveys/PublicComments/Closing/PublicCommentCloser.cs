using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Closing;

/// <summary>
/// Closes every open case whose period has ended, in every tenant environment, so staff find it 締切済 and can write
/// the result without closing it first. Residents are refused after the end whether or not this has run yet. One
/// conditional update per due case (still open, still past its end) makes two workers safe: the second changes nothing.
/// </summary>
internal sealed partial class PublicCommentCloser(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<PublicCommentCloser> logger)
    : PollingWorker(new WorkSignal(), logger)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();

        // The closer serves every tenant, so it reads past the tenant filter; a case's own row says whose it is.
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var cases = db.Set<PublicCommentCase>().IgnoreQueryFilters();
        if (!await cases.AnyAsync(c => c.State == PublicCommentState.Open && c.ClosesAt <= now, cancellationToken))
        {
            return 0;
        }

        int closed;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            closed = await cases
                .Where(c => c.State == PublicCommentState.Open && c.ClosesAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, PublicCommentState.Closed).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        }

        if (closed > 0)
        {
            LogClosed(closed);
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} public comment case(s) at the end of their period.")]
    private partial void LogClosed(int count);
}
