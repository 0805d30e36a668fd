using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.RichMenus;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>
/// Carries out one claimed <see cref="RichMenuLinkRun"/> a bulk call at a time: reads the next at most 500 residents
/// from the stored cursor, calls LINE, then stores the cursor after them. LINE's client already waits out 429s and
/// outages with backoff; what still fails that way postpones the run, a refusal of the request itself ends it.
/// </summary>
internal sealed partial class RichMenuLinkRunExecutor(ITenantScopeFactory tenantScopes, TimeProvider clock, ILogger<RichMenuLinkRunExecutor> logger)
{
    internal static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    public async Task ExecuteAsync(Guid runId, string tenant, string environment, Guid claim, CancellationToken cancellationToken)
    {
        try
        {
            while (await CallAsync(runId, tenant, environment, claim, cancellationToken))
            {
            }
        }
        finally
        {
            await ReleaseAsync(runId, tenant, environment, claim);
        }
    }

    /// <summary>Gives the lease back at once (on shutdown too), so another worker resumes without waiting for it to run out.</summary>
    private async Task ReleaseAsync(Guid runId, string tenant, string environment, Guid claim)
    {
        try
        {
            await using var scope = tenantScopes.CreateScope(tenant, environment);
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            await using (await db.BeginWriteAsync(CancellationToken.None))
            {
                await db.Set<RichMenuLinkRun>()
                    .Where(r => r.Id == runId && r.ClaimToken == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.LockedUntil, (DateTimeOffset?)null));
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ObjectDisposedException)
        {
            LogReleaseFailed(runId, e); // The lease runs out by itself.
        }
    }

    /// <returns>Whether the run goes on with another call.</returns>
    private async Task<bool> CallAsync(Guid runId, string tenant, string environment, Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant, environment);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var run = await db.Set<RichMenuLinkRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.ClaimToken != claim || run.State != RichMenuLinkRunState.Running)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (run.LinksMenus && await db.Set<DisasterModeState>().AnyAsync(s => s.IsOn, cancellationToken))
        {
            run.Finish(RichMenuLinkRunState.Skipped, "防災モード中のため保留しました。防災モードの終了時に反映します。", now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var line = services.GetRequiredService<RichMenuLine>();
        try
        {
            var (residents, continuation) = run.Kind == RichMenuLinkRunKind.RelinkResidents
                ? await RelinkNextAsync(db, line, run, cancellationToken)
                : await BulkNextAsync(services, db, line, run, cancellationToken);
            run.Advanced(residents, continuation, clock.GetUtcNow());
            run.Claim(claim, clock.GetUtcNow() + LeaseDuration);
        }
        catch (RichMenuNotPublishedException e)
        {
            run.Finish(RichMenuLinkRunState.Failed, e.Message, now);
        }
        catch (LineApiException e) when (e.StatusCode is HttpStatusCode.TooManyRequests or (HttpStatusCode)0 || (int)e.StatusCode >= 500)
        {
            run.Postpone($"LINE が混み合っているか応答しないため、あとで続けます（LINE {(int)e.StatusCode}）。", now);
            LogPostponed(runId, (int)e.StatusCode);
        }
        catch (LineApiException e)
        {
            run.Finish(RichMenuLinkRunState.Failed, $"LINE が受け付けませんでした（LINE {(int)e.StatusCode}: {e.LineMessage ?? "理由なし"}）。", now);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return run.State == RichMenuLinkRunState.Running && run.ClaimToken == claim;
    }

    /// <summary>A segment (or every friend): the next page, less the residents staff linked a menu to one by one.</summary>
    private static async Task<(int Residents, string? Continuation)> BulkNextAsync(
        IServiceProvider services, SmartBranchDbContext db, RichMenuLine line, RichMenuLinkRun run, CancellationToken cancellationToken)
    {
        var segment = run.SegmentJson is null ? null : JsonSerializer.Deserialize<SegmentExpression>(run.SegmentJson);
        var lineMenuId = run.Kind == RichMenuLinkRunKind.LinkSegment ? await PublishedLineIdAsync(db, run.MenuId!.Value, cancellationToken) : null;
        var page = await services.GetRequiredService<IResidentAudience>().PageAsync(segment, run.Cursor, LineRichMenuLimits.MaxBulkUsers, cancellationToken);
        var userIds = page.Members.Select(m => m.LineUserId).ToList();
        if (run.Kind != RichMenuLinkRunKind.UnlinkEveryone)
        {
            var ownMenus = await db.Set<RichMenuResidentLink>().Where(l => userIds.Contains(l.LineUserId)).Select(l => l.LineUserId).ToListAsync(cancellationToken);
            userIds.RemoveAll(ownMenus.Contains);
        }

        if (userIds.Count > 0)
        {
            var client = line.Client;
            await (lineMenuId is null
                ? client.UnlinkRichMenuFromUsersAsync(userIds, cancellationToken)
                : client.LinkRichMenuToUsersAsync(lineMenuId, userIds, cancellationToken));
        }

        return (userIds.Count, page.Continuation);
    }

    /// <summary>The menus linked one by one, the next 500 residents in LINE user id order, one bulk call per menu.</summary>
    private static async Task<(int Residents, string? Continuation)> RelinkNextAsync(
        SmartBranchDbContext db, RichMenuLine line, RichMenuLinkRun run, CancellationToken cancellationToken)
    {
        var links = db.Set<RichMenuResidentLink>().AsNoTracking();
        if (run.Cursor is { } after)
        {
            links = links.Where(l => l.LineUserId.CompareTo(after) > 0);
        }

        var page = await links.OrderBy(l => l.LineUserId).Take(LineRichMenuLimits.MaxBulkUsers).ToListAsync(cancellationToken);
        var linked = 0;
        foreach (var menu in page.GroupBy(l => l.MenuId))
        {
            string lineMenuId;
            try
            {
                lineMenuId = await PublishedLineIdAsync(db, menu.Key, cancellationToken);
            }
            catch (RichMenuNotPublishedException)
            {
                continue; // Its residents see the default menu, as they would on LINE once the menu is deleted.
            }

            await line.Client.LinkRichMenuToUsersAsync(lineMenuId, [.. menu.Select(l => l.LineUserId)], cancellationToken);
            linked += menu.Count();
        }

        return (linked, page.Count < LineRichMenuLimits.MaxBulkUsers ? null : page[^1].LineUserId);
    }

    internal static async Task<string> PublishedLineIdAsync(SmartBranchDbContext db, Guid menuId, CancellationToken cancellationToken) =>
        await db.Set<RichMenuPublication>().AsNoTracking().Where(p => p.MenuId == menuId).Select(p => p.LineRichMenuId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RichMenuNotPublishedException();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rich menu link run {RunId}: its lease could not be released; it runs out by itself.")]
    private partial void LogReleaseFailed(Guid runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menu link run {RunId} postponed: LINE answered {Status}.")]
    private partial void LogPostponed(Guid runId, int status);
}

/// <summary>The menu to link is no longer on LINE (deleted, or never published in this environment).</summary>
internal sealed class RichMenuNotPublishedException() : Exception("このメニューは LINE に公開されていません。公開してから、もう一度割り当ててください。");
