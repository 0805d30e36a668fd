using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Contracts;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Chat;

/// <summary>
/// Turns a confirmed conversation into a case: the year's next receipt number, a flag when an open report of the same
/// category lies within <see cref="DuplicateDistanceMetres"/> and <see cref="DuplicateWindow"/>, the first history
/// entry and the <see cref="ReportFiledIntegrationEvent"/>, all in the caller's unit of work.
/// </summary>
internal sealed class ReportFiling(SmartBranchDbContext db, IOutbox outbox)
{
    public const double DuplicateDistanceMetres = 50;
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(14);

    private const int SavingAttempts = 3;

    // About 111 km to a degree of latitude; a degree of longitude is shorter at Japan's latitudes, so the box is generous.
    private const double BoxDegrees = 0.001;

    public async Task<ReportCase> FileAsync(
        ReportSubmission submission, string departmentKey, RoadManagerMatch? roadManager, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = JapanTime.From(now).Year;
        var counter = await db.Set<ReportReceiptCounter>().SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (counter is null)
        {
            counter = ReportReceiptCounter.For(year);
            db.Add(counter);
        }

        var duplicateOf = await FindPossibleDuplicateAsync(submission, now, cancellationToken);
        var report = ReportCase.File(
            submission, counter.Next(), departmentKey, roadManager is null ? null : (roadManager.Manager.Key, roadManager.Road), duplicateOf, now);
        db.Add(report);
        db.Add(ReportCaseEntry.Filed(report));
        outbox.Add(new ReportFiledIntegrationEvent(report.Id, report.ReceiptNumber, report.CategoryKey, departmentKey, duplicateOf is not null));
        return report;
    }

    /// <summary>
    /// Files and saves at once, for callers outside a webhook event (whose conflicts are retried with the event): when
    /// another report takes the receipt number at the same moment, the case is filed again with the next one.
    /// </summary>
    /// <param name="alongside">What to add to the same unit of work with the case (a message through the outbox), on each attempt.</param>
    public async Task<ReportCase> FileAndSaveAsync(
        ReportSubmission submission, string departmentKey, RoadManagerMatch? roadManager, DateTimeOffset now, CancellationToken cancellationToken, Action<ReportCase>? alongside = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var report = await FileAsync(submission, departmentKey, roadManager, now, cancellationToken);
            alongside?.Invoke(report);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return report;
            }
            catch (DbUpdateConcurrencyException) when (attempt < SavingAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Guid?> FindPossibleDuplicateAsync(ReportSubmission submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - DuplicateWindow;
        var nearby = await db.Set<ReportCase>()
            .Where(c => c.CategoryKey == submission.CategoryKey
                && (c.Status == ReportStatus.Received || c.Status == ReportStatus.InProgress)
                && c.ReportedAt >= since
                && c.Latitude >= submission.Latitude - BoxDegrees && c.Latitude <= submission.Latitude + BoxDegrees
                && c.Longitude >= submission.Longitude - BoxDegrees && c.Longitude <= submission.Longitude + BoxDegrees)
            .Select(c => new { c.Id, c.Latitude, c.Longitude, c.ReportedAt })
            .ToListAsync(cancellationToken);
        return nearby
            .Select(c => (c.Id, c.ReportedAt, Distance: GeoDistance.Metres(submission.Latitude, submission.Longitude, c.Latitude, c.Longitude)))
            .Where(c => c.Distance <= DuplicateDistanceMetres)
            .OrderBy(c => c.Distance)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefault();
    }
}

/// <summary>Great-circle distance on a sphere of the Earth's mean radius: exact enough for tens of metres.</summary>
internal static class GeoDistance
{
    private const double EarthRadiusMetres = 6_371_000;

    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
