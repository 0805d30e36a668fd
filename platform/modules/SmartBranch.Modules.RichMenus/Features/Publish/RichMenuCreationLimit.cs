using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>
/// Keeps a channel under LINE's rich menu creations per hour, counted in the database so that every process agrees:
/// a creation is recorded first and kept only when it is within the hour's allowance, in the order all see.
/// </summary>
internal sealed class RichMenuCreationLimit(SmartBranchDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Records a creation about to be made; give it back with <see cref="ReleaseAsync"/> when LINE refuses it.</summary>
    /// <exception cref="RichMenuCreationLimitException">The hour's allowance is used up; nothing is recorded.</exception>
    public async Task<RichMenuCreation> ReserveAsync(string channelId, CancellationToken cancellationToken)
    {
        var reservation = new RichMenuCreation(channelId, clock.GetUtcNow());
        db.Add(reservation);
        await db.SaveChangesAsync(cancellationToken);

        var window = await InWindowAsync(channelId, cancellationToken);
        var ahead = window.TakeWhile(c => c.Id != reservation.Id).ToList();
        if (ahead.Count < LineRichMenuLimits.MaxCreationsPerHour)
        {
            return reservation;
        }

        await ReleaseAsync(reservation, cancellationToken);
        var others = window.Where(c => c.Id != reservation.Id).ToList();
        throw new RichMenuCreationLimitException(others[others.Count - LineRichMenuLimits.MaxCreationsPerHour].CreatedAt + Window);
    }

    public async Task ReleaseAsync(RichMenuCreation reservation, CancellationToken cancellationToken)
    {
        db.Remove(reservation);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many more menus the channel may create now.</summary>
    public async Task<int> RemainingAsync(string channelId, CancellationToken cancellationToken) =>
        Math.Max(0, LineRichMenuLimits.MaxCreationsPerHour - (await InWindowAsync(channelId, cancellationToken)).Count);

    private async Task<List<RichMenuCreation>> InWindowAsync(string channelId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        var creations = await db.Set<RichMenuCreation>().AsNoTracking()
            .Where(c => c.ChannelId == channelId && c.CreatedAt > since)
            .ToListAsync(cancellationToken);
        return creations.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
    }
}
