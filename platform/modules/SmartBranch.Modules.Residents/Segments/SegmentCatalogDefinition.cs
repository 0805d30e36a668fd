using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents.Segments;

/// <summary>
/// What residents of a tenant may register about themselves (<see cref="Attributes"/>) and the consent text they
/// accept in doing so. Immutable; a reload replaces it.
/// </summary>
internal sealed record SegmentCatalogDefinition(IReadOnlyList<SegmentAttribute> Attributes, ConsentText? Consent)
{
    /// <summary>A tenant without a catalogue: residents register nothing, deliveries reach every friend.</summary>
    public static readonly SegmentCatalogDefinition Empty = new([], null);

    public SegmentAttribute? FindAttribute(string key) => Attributes.FirstOrDefault(a => a.Key == key);

    public bool HasValue(string attributeKey, string valueKey) =>
        FindAttribute(attributeKey)?.Values.Any(v => v.Key == valueKey) == true;
}

/// <summary>The consent a resident gives when saving their choices; a new <see cref="Version"/> asks them again.</summary>
internal sealed record ConsentText(string Version, string TextJa, string TextEn);
