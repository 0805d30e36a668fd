using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>
/// GeoReport v2 for one tenant environment: the categories as services, the cases as requests (public facts only, see
/// <see cref="Open311Mapping"/>), and new requests from clients holding an API key. A new request becomes a case like
/// a resident's: same receipt numbers, inbox, duplicate check and department mail; its source is the key's name. The
/// reporter's personal fields the spec allows (<c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>phone</c>,
/// <c>device_id</c>, <c>account_id</c>) are ignored and never stored.
/// </summary>
internal sealed class Open311Api(
    SmartBranchDbContext db, ICurrentTenant currentTenant, ReportCatalogFiles catalogs, ReportFiling filing, Open311PostLimiter limiter, TimeProvider clock)
{
    private ReportCatalog Catalog => catalogs.For(currentTenant.Required);

    public Open311Document Services() => Open311Mapping.Services(Catalog);

    /// <exception cref="Open311Exception">A filter is not valid.</exception>
    public async Task<Open311Document> SearchAsync(IQueryCollection parameters, CancellationToken cancellationToken)
    {
        var query = Open311RequestQuery.Parse(parameters, clock.GetUtcNow());
        var cases = db.Set<ReportCase>().AsNoTracking();
        if (query.RequestIds.Count > 0)
        {
            cases = cases.Where(c => query.RequestIds.Contains(c.ReceiptNumber));
        }
        else
        {
            cases = cases.Where(c => c.ReportedAt >= query.Start && c.ReportedAt <= query.End);
            if (query.ServiceCodes.Count > 0)
            {
                cases = cases.Where(c => query.ServiceCodes.Contains(c.CategoryKey));
            }

            if (query.Statuses is [var only])
            {
                cases = only == Open311Mapping.Open
                    ? cases.Where(c => c.Status == ReportStatus.Received || c.Status == ReportStatus.InProgress)
                    : cases.Where(c => c.Status == ReportStatus.Completed || c.Status == ReportStatus.Declined);
            }
        }

        var requests = await Project(cases.OrderByDescending(c => c.ReportedAt).Take(Open311RequestQuery.MaxResults)).ToListAsync(cancellationToken);
        return Open311Mapping.Requests(Catalog, requests);
    }

    /// <exception cref="Open311Exception">No request with this id (404).</exception>
    public async Task<Open311Document> FindAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        var request = await Project(db.Set<ReportCase>().AsNoTracking().Where(c => c.ReceiptNumber == receiptNumber)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new Open311Exception(StatusCodes.Status404NotFound, $"service_request_id {receiptNumber} の通報はありません。 (No such service request.)");
        return Open311Mapping.Requests(Catalog, [request]);
    }

    /// <exception cref="Open311Exception">The key is refused (403), used too often (429), or a field is not valid (400).</exception>
    public async Task<Open311Document> CreateAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var key = await AuthenticateAsync(form["api_key"].ToString(), cancellationToken);
        if (!limiter.TryAcquire(key.Id))
        {
            throw new Open311Exception(StatusCodes.Status429TooManyRequests,
                $"この API キーでの登録は 1 時間あたりの上限に達しました。しばらくしてから送ってください。 (Too many requests for this api_key; try again later.)");
        }

        var catalog = Catalog;
        var category = catalog.Category(form["service_code"].ToString())
            ?? throw Open311Exception.BadRequest("service_code が正しくありません。services で一覧を確かめてください。 (service_code not found; see services.)");
        var latitude = Coordinate(form, "lat", 90);
        var longitude = Coordinate(form, "long", 180);
        if (catalog.Boundary is { } boundary && !boundary.Contains(latitude, longitude))
        {
            throw Open311Exception.BadRequest($"lat/long が{currentTenant.Required.Tenant.Name}の外です。 (lat/long lies outside the city.)");
        }

        var submission = new ReportSubmission(
            category.Key, latitude, longitude, Text(form, "address_string", ReportCase.MaxAddressLength), Text(form, "description", ReportCase.MaxCommentLength))
        {
            Source = ReportSource.Open311,
            SourceClient = key.Name,
            MediaUrl = MediaUrl(form),
        };

        var roadManager = catalog.RoadManagerAt(category, latitude, longitude);
        var report = await filing.FileAndSaveAsync(submission, category.DepartmentKey, roadManager, clock.GetUtcNow(), cancellationToken);
        return Open311Mapping.Created(report.ReceiptNumber, roadManager is null ? null : ReportChatMessages.RoadManagerNotice(roadManager));
    }

    private async Task<ReportApiKey> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (secret.Length == 0)
        {
            throw new Open311Exception(StatusCodes.Status403Forbidden, "api_key がありません。 (api_key is required.)");
        }

        var hash = ReportApiKey.HashOf(secret);
        var key = await db.Set<ReportApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        return key is { IsRevoked: false }
            ? key
            : throw new Open311Exception(StatusCodes.Status403Forbidden, "api_key が正しくないか、無効にされています。 (Invalid or revoked api_key.)");
    }

    private static double Coordinate(IFormCollection form, string name, double limit)
    {
        var text = form[name].ToString();
        if (text.Length == 0)
        {
            throw Open311Exception.BadRequest("lat と long は必須です。 (lat and long are required.)");
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit
            ? value
            : throw Open311Exception.BadRequest($"{name} は十進の度数にしてください。 ({name} must be decimal degrees.)");
    }

    private static string? Text(IFormCollection form, string name, int maxLength)
    {
        var text = form[name].ToString().Trim();
        return text.Length switch
        {
            0 => null,
            _ when text.Length > maxLength => throw Open311Exception.BadRequest($"{name} は {maxLength} 文字までです。 ({name} is longer than {maxLength} characters.)"),
            _ => text,
        };
    }

    private static string? MediaUrl(IFormCollection form)
    {
        var text = Text(form, "media_url", ReportCase.MaxMediaUrlLength);
        return text is null || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            ? text
            : throw Open311Exception.BadRequest("media_url は http(s) の URL にしてください。 (media_url must be an http(s) URL.)");
    }

    private static IQueryable<Open311Request> Project(IQueryable<ReportCase> cases) =>
        cases.Select(c => new Open311Request(c.ReceiptNumber, c.CategoryKey, c.DepartmentKey, c.Status, c.ReportedAt, c.UpdatedAt, c.Latitude, c.Longitude));
}
