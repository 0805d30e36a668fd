using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>One feature of a tenant's GeoJSON file: its place in the file (from 1), its geometry and its properties as text.</summary>
internal sealed record GeoJsonFeature(int Number, Geometry? Geometry, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>A valid, non-empty Polygon or MultiPolygon.</summary>
    public bool IsArea => Geometry is Polygon or MultiPolygon && !Geometry.IsEmpty && Geometry.IsValid;

    /// <returns>The property's text, trimmed; null when it is missing or blank.</returns>
    public string? Text(string name) => Properties.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <returns>The property as a number; null when it is missing or not a number.</returns>
    public double? Numeric(string name) =>
        double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}

/// <summary>
/// Reads the GeoJSON files of a tenant's directory (boundary, districts, road managers) one way: a FeatureCollection, a
/// single Feature or a bare geometry (a feature without properties), in WGS 84 longitude/latitude. Property values come
/// as text (numbers in invariant form, true/false, nested values as their JSON); null properties are left out. What each
/// file requires of the geometries and properties is for its reader to check.
/// </summary>
internal static class GeoJsonFeatures
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <exception cref="InvalidOperationException">Not JSON, not GeoJSON, a feature that cannot be read, or no features; the message says where.</exception>
    public static IReadOnlyList<GeoJsonFeature> Read(string geoJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var features = TypeOf(root) switch
            {
                "FeatureCollection" => Collection(root),
                "Feature" => [Feature(root, 1)],
                null => throw new InvalidOperationException("not GeoJSON: the top level must be an object with a \"type\"."),
                _ => [new GeoJsonFeature(1, Geometry(root, "the geometry"), new Dictionary<string, string>())],
            };
            return features.Count > 0 ? features : throw new InvalidOperationException("the FeatureCollection holds no features.");
        }
    }

    private static List<GeoJsonFeature> Collection(JsonElement root)
    {
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("the FeatureCollection has no \"features\" array.");
        }

        return [.. features.EnumerateArray().Select((feature, index) => Feature(feature, index + 1))];
    }

    private static GeoJsonFeature Feature(JsonElement feature, int number)
    {
        if (TypeOf(feature) != "Feature")
        {
            throw new InvalidOperationException($"feature {number}: not a GeoJSON Feature (its \"type\" must be \"Feature\").");
        }

        var geometry = feature.TryGetProperty("geometry", out var element) && element.ValueKind != JsonValueKind.Null
            ? Geometry(element, $"feature {number}: the geometry")
            : null;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (feature.TryGetProperty("properties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
            {
                properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return new GeoJsonFeature(number, geometry, properties);
    }

    private static Geometry? Geometry(JsonElement element, string what)
    {
        try
        {
            return element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"{what} is not a valid GeoJSON geometry: {e.Message}", e);
        }
    }

    private static string? TypeOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
}
