using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.PublicMap;

/// <summary>
/// The public status map's facts, for tenants that publish one (<see cref="ReportCatalog.PublicMap"/>): the reports of
/// the last year with their category, status, day (Japan time) and place coarsened to a 100 m cell, newest first.
/// Nothing a resident wrote or is known by (comment, address, LINE id, Open311 client) and no staff note is read.
/// Declined reports (対応不可) are left out: staff decline duplicates (the original is shown), reports about private
/// land or people, and reports that are not the city's to handle, and without a stated reason none of those is safe or
/// useful to publish. A photo is shown only while staff approve it.
/// </summary>
public sealed class PublicReportMap
{
    /// <summary>Reports older than this leave the map, so that it shows the present state of the city.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(365);

    /// <summary>The newest reports shown; a city of Hirakawa's size files far fewer in a year.</summary>
    public const int MaxReports = 500;

    private readonly SmartBranchDbContext _db;
    private readonly ICurrentTenant _tenant;
    private readonly ReportCatalogFiles _catalogs;
    private readonly IMediaStore _media;
    private readonly TimeProvider _clock;

    internal PublicReportMap(SmartBranchDbContext db, ICurrentTenant tenant, ReportCatalogFiles catalogs, IMediaStore media, TimeProvider clock)
    {
        _db = db;
        _tenant = tenant;
        _catalogs = catalogs;
        _media = media;
        _clock = clock;
    }

    public ReportCatalog Catalog => _catalogs.For(_tenant.Required);

    /// <summary>The statuses a resident can filter by, in the order cases move.</summary>
    public static IReadOnlyList<ReportStatus> Statuses { get; } = [ReportStatus.Received, ReportStatus.InProgress, ReportStatus.Completed];

    /// <param name="categoryKey">Null for every category.</param>
    /// <param name="status">Null for every status shown.</param>
    /// <returns>Null when the tenant does not publish a map.</returns>
    public async Task<IReadOnlyList<PublicReport>?> ReportsAsync(string? categoryKey, ReportStatus? status, CancellationToken cancellationToken)
    {
        var catalog = Catalog;
        if (!catalog.PublicMap)
        {
            return null;
        }

        var since = _clock.GetUtcNow() - Window;
        var query = _db.Set<ReportCase>().AsNoTracking().Where(c => c.ReportedAt >= since && c.Status != ReportStatus.Declined);
        if (categoryKey is not null)
        {
            query = query.Where(c => c.CategoryKey == categoryKey);
        }

        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        var rows = await query
            .OrderByDescending(c => c.ReportedAt)
            .Take(MaxReports)
            .Select(c => new { c.ReceiptNumber, c.CategoryKey, c.Status, c.ReportedAt, c.Latitude, c.Longitude, Photo = c.PhotoPublic && c.PhotoId != null })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var (latitude, longitude) = CoarsePlace.Of(r.Latitude, r.Longitude);
            return new PublicReport(
                r.ReceiptNumber, r.CategoryKey, catalog.Category(r.CategoryKey)?.NameJa ?? r.CategoryKey, r.Status,
                DateOnly.FromDateTime(JapanTime.From(r.ReportedAt).DateTime), latitude, longitude, catalog.Districts.NameOf(latitude, longitude), r.Photo);
        })];
    }

    /// <summary>The approved photo's preview (EXIF removed at intake); null unless the tenant publishes a map and staff approve the photo now.</summary>
    public async Task<Stream?> OpenPhotoAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        if (!Catalog.PublicMap)
        {
            return null;
        }

        var photoId = await _db.Set<ReportCase>().AsNoTracking()
            .Where(c => c.ReceiptNumber == receiptNumber && c.PhotoPublic && c.Status != ReportStatus.Declined)
            .Select(c => c.PhotoId)
            .SingleOrDefaultAsync(cancellationToken);
        if (photoId is null)
        {
            return null;
        }

        var tenant = _tenant.Required;
        return await _media.OpenReadAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Preview(photoId)), cancellationToken);
    }
}

/// <param name="Day">The day it was reported, in Japan.</param>
/// <param name="Latitude">The centre of its 100 m cell (<see cref="CoarsePlace"/>), never the exact place.</param>
/// <param name="District">The district (地区) of the cell's centre, when the tenant has districts.</param>
/// <param name="HasPhoto">Staff approved its photo for the public map.</param>
public sealed record PublicReport(
    string ReceiptNumber, string CategoryKey, string Category, ReportStatus Status, DateOnly Day, double Latitude, double Longitude, string? District, bool HasPhoto);
