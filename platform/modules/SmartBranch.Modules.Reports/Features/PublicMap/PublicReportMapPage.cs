using System.Globalization;
using System.Text;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.PublicMap;

/// <summary>
/// The public map's HTML: a filter form, the map (drawn by the script from the list, hidden until it is) and the list
/// of reports itself, which screen readers read and which stands in for the map when tiles or scripts fail.
/// </summary>
internal static class PublicReportMapPage
{
    public const string Title = "通報の状況マップ";

    /// <summary>The portal's vendored Leaflet, which the server serves as a static asset to everyone.</summary>
    public const string LeafletPath = "/_content/SmartBranch.Portal/lib/leaflet/";

    public const string LeafletStyleSheet = LeafletPath + "leaflet.css";

    public static string Render(TenantContext tenant, ReportCatalog catalog, PublicReportMapFilter filter, IReadOnlyList<PublicReport> reports)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{E(tenant.Tenant.Name)}の{E(Title)}</h1>
            <p>{E($"市民のみなさんから寄せられた道路の損傷などの通報と、市の対応の状況です（過去1年、新しい順に最大{PublicReportMap.MaxReports}件）。")}</p>
            <p class="notice">{E($"場所は約{CoarsePlace.CellMetres:0}m四方のおおよその位置です。お名前・コメントは載せず、写真は市が確認したものだけを載せています。対応しないと判断した通報（重複など）は載せていません。")}</p>
            {FilterForm(tenant, catalog, filter)}
            """);
        if (filter.Error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="notice notice-error" role="alert">{E(filter.Error)}</p>""");
            return html.ToString();
        }

        var centre = catalog.Boundary?.Centre;
        html.Append(CultureInfo.InvariantCulture, $"""
            <div id="public-report-map" class="public-report-map" role="region" aria-label="{E(Title)}" hidden
                 data-leaflet="{E(LeafletPath)}leaflet.js" data-tile-url="{E(catalog.Map.TileTemplate)}" data-attribution="{E(catalog.Map.Attribution)}"
                 data-centre="{(centre is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.Latitude:F5},{c.Longitude:F5}") : "")}"
                 data-failed-text="地図を表示できませんでした。下の一覧をご覧ください。"></div>
            <p id="public-report-map-status" class="visually-hidden" role="status" aria-live="polite"></p>
            <h2 id="public-report-list-heading">{E($"通報の一覧（{reports.Count}件）")}</h2>
            """);
        if (reports.Count == 0)
        {
            html.Append("<p>該当する通報はありません。</p>");
            return html.ToString();
        }

        html.Append("""<ol class="public-report-list" aria-labelledby="public-report-list-heading">""");
        foreach (var report in reports)
        {
            html.Append(Item(tenant, report));
        }

        html.Append("</ol>");
        return html.ToString();
    }

    private static string FilterForm(TenantContext tenant, ReportCatalog catalog, PublicReportMapFilter filter)
    {
        var categories = string.Concat(catalog.Categories.Select(c => Option(c.Key, c.NameJa, c.Key == filter.CategoryKey)));
        var statuses = string.Concat(PublicReportMap.Statuses.Select(s => Option(s.Key(), s.Japanese(), s == filter.Status)));
        return $"""
            <form class="public-report-filter" method="get" action="{E(ResidentSessions.BasePath(tenant))}/{PublicReportMapEndpoints.PagePath}">
            <label class="select-label" for="public-report-category">種類</label>
            <select id="public-report-category" name="category"><option value="">すべての種類</option>{categories}</select>
            <label class="select-label" for="public-report-status">状況</label>
            <select id="public-report-status" name="status"><option value="">すべての状況</option>{statuses}</select>
            <button type="submit" class="button">絞り込む</button>
            </form>
            """;
    }

    private static string Item(TenantContext tenant, PublicReport report)
    {
        var day = report.Day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var place = report.District is { } district ? $"{district}付近" : "おおよその場所のみ";
        var photo = report.HasPhoto
            ? $"""<img class="public-report-photo" src="{E(PublicReportMapEndpoints.PhotoPath(tenant, report.ReceiptNumber))}" alt="{E($"{report.Category}の写真（受付番号 {report.ReceiptNumber}）")}" loading="lazy" width="240">"""
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <li class="public-report" data-lat="{report.Latitude:F5}" data-lon="{report.Longitude:F5}" data-status="{report.Status.Key()}" data-label="{E($"{report.Category}（{report.Status.Japanese()}）{day}")}">
            <p class="public-report-heading"><strong>{E(report.Category)}</strong> <span class="public-report-status public-report-status-{report.Status.Key()}">{E(report.Status.Japanese())}</span></p>
            <p class="public-report-facts">{E($"{day} 受付・{place}・受付番号 {report.ReceiptNumber}")}</p>
            {photo}</li>
            """);
    }

    private static string Option(string value, string text, bool selected) =>
        $"""<option value="{E(value)}"{(selected ? " selected" : "")}>{E(text)}</option>""";

    private static string E(string text) => ResidentPage.Encode(text);
}
