namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// Where the report maps get their background tiles, set in <c>reports.yml</c> under <c>map:</c>. The portal's
/// Content-Security-Policy allows images from <see cref="TileHost"/> and no other map host.
/// </summary>
/// <param name="TileUrl">An https tile template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>.</param>
/// <param name="Attribution">Shown on the map, as the tile provider's terms require.</param>
public sealed record ReportMapSettings(Uri TileUrl, string Attribution)
{
    /// <summary>The Geospatial Information Authority of Japan's standard map (地理院タイル), free to use with attribution.</summary>
    public static readonly ReportMapSettings Default = new(new Uri("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"), "地理院タイル");

    /// <summary><c>https://cyberjapandata.gsi.go.jp</c>: the origin a page must allow images from.</summary>
    public string TileHost => TileUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The template as Leaflet takes it (<see cref="Uri"/> would escape the braces).</summary>
    public string TileTemplate => Uri.UnescapeDataString(TileUrl.AbsoluteUri);

    /// <returns>The settings, or null and what is wrong with them.</returns>
    public static (ReportMapSettings? Settings, string? Error) Create(string? tileUrl, string? attribution)
    {
        if (!Uri.TryCreate(tileUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            return (null, $"map: tileUrl '{tileUrl}' must be an absolute https URL.");
        }

        var template = Uri.UnescapeDataString(url.AbsoluteUri);
        if (!template.Contains("{z}", StringComparison.Ordinal) || !template.Contains("{x}", StringComparison.Ordinal) || !template.Contains("{y}", StringComparison.Ordinal))
        {
            return (null, $"map: tileUrl '{tileUrl}' must contain {{z}}, {{x}} and {{y}}.");
        }

        return string.IsNullOrWhiteSpace(attribution)
            ? (null, "map: attribution is missing (tile providers require it).")
            : (new ReportMapSettings(url, attribution.Trim()), null);
    }
}
