using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>
/// Our categories and cases in GeoReport v2's terms. A category is a service whose <c>service_code</c> is the category
/// key (stable: stored with each case). A case is a request whose <c>service_request_id</c> is its receipt number.
/// A request carries nothing personal: its <c>description</c> is the category's name, never the reporter's comment
/// (free text that may name people, and there is no staff-approved public text yet); no address (LINE's picker may
/// give the reporter's own); no photo (photos become public only once staff approve them); staff notes stay internal.
/// </summary>
public static class Open311Mapping
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static Open311Document Services(ReportCatalog catalog) => new("services", "service",
    [
        .. catalog.Categories.Select(c => (IReadOnlyList<Open311Field>)
        [
            new("service_code", c.Key),
            new("service_name", c.NameJa),
            new("description", $"{c.NameJa} ({c.NameEn})"),
            new("metadata", false),
            new("type", "realtime"),
            new("keywords", c.NameEn),
            new("group", catalog.Department(c.DepartmentKey)?.Name ?? c.DepartmentKey),
        ]),
    ]);

    public static Open311Document Requests(ReportCatalog catalog, IEnumerable<Open311Request> requests) =>
        new("service_requests", "request", [.. requests.Select(r => Request(catalog, r))]);

    /// <summary>The answer to a created request: its receipt number and what the city tells the client.</summary>
    public static Open311Document Created(string receiptNumber, string? serviceNotice) => new("service_requests", "request",
    [
        [new("service_request_id", receiptNumber), new("service_notice", serviceNotice), new("account_id", null)],
    ]);

    public static string StatusOf(ReportStatus status) => status.IsOpen() ? Open : Closed;

    private static IReadOnlyList<Open311Field> Request(ReportCatalog catalog, Open311Request request)
    {
        var category = catalog.Category(request.CategoryKey);
        var name = category?.NameJa ?? request.CategoryKey;
        return
        [
            new("service_request_id", request.ReceiptNumber),
            new("status", StatusOf(request.Status)),
            new("status_notes", request.Status.Japanese()),
            new("service_name", name),
            new("service_code", request.CategoryKey),
            new("description", name),
            new("agency_responsible", catalog.Department(request.DepartmentKey)?.Name ?? request.DepartmentKey),
            new("service_notice", null),
            new("requested_datetime", request.ReportedAt),
            new("updated_datetime", request.UpdatedAt),
            new("expected_datetime", null),
            new("address", null),
            new("address_id", null),
            new("zipcode", null),
            new("lat", request.Latitude),
            new("long", request.Longitude),
            new("media_url", null),
        ];
    }
}

/// <summary>The public facts of a case: what GET requests may show.</summary>
public sealed record Open311Request(
    string ReceiptNumber, string CategoryKey, string DepartmentKey, ReportStatus Status, DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, double Latitude, double Longitude);
