using System.Text.Json;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents.Segments.Editing;

/// <summary>
/// A segment catalogue as staff edit it in the portal: the order of attributes and values is the order residents
/// see, and a value residents have chosen is never removed, only <see cref="EditableSegmentValue.Hidden"/>.
/// </summary>
public sealed record EditableSegmentCatalog(EditableConsent? Consent, IReadOnlyList<EditableSegmentAttribute> Attributes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal string Serialize() => JsonSerializer.Serialize(this, Json);

    internal static EditableSegmentCatalog Deserialize(string json) =>
        JsonSerializer.Deserialize<EditableSegmentCatalog>(json, Json) ?? new EditableSegmentCatalog(null, []);

    /// <summary>The catalogue as the files give it (the seed before anyone edits it).</summary>
    internal static EditableSegmentCatalog From(SegmentCatalogDefinition definition) => new(
        definition.Consent is { } c ? new EditableConsent(c.Version, c.TextJa, c.TextEn) : null,
        definition.Attributes.Select(a => new EditableSegmentAttribute(
            a.Key, a.NameJa, a.NameEn, a.MultipleChoice, a.Values.Select(v => new EditableSegmentValue(v.Key, v.NameJa, v.NameEn)).ToList())).ToList());

    /// <summary>What residents may choose and deliveries may target: hidden values left out.</summary>
    internal SegmentCatalogDefinition ToDefinition() => new(
        Attributes.Select(a => new SegmentAttribute(
            a.Key, a.NameJa.Trim(), a.NameEn.Trim(), a.MultipleChoice,
            a.Values.Where(v => !v.Hidden).Select(v => new SegmentValue(v.Key, v.NameJa.Trim(), v.NameEn.Trim())).ToList())).ToList(),
        Consent is { } c ? new ConsentText(c.Version.Trim(), c.TextJa.Trim(), c.TextEn.Trim()) : null);

    internal IEnumerable<(string Attribute, string Value)> ValueKeys() =>
        Attributes.SelectMany(a => a.Values.Select(v => (a.Key, v.Key)));
}

public sealed record EditableConsent(string Version, string TextJa, string TextEn);

public sealed record EditableSegmentAttribute(string Key, string NameJa, string NameEn, bool MultipleChoice, IReadOnlyList<EditableSegmentValue> Values);

/// <param name="Hidden">No longer offered to residents or for new deliveries; residents who chose it keep it.</param>
public sealed record EditableSegmentValue(string Key, string NameJa, string NameEn, bool Hidden = false);
