using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.Portal.Modules.Segments;

/// <summary>The editor's mutable copy of a catalogue; <see cref="ToCatalog"/> gives what is saved.</summary>
internal sealed class SegmentCatalogForm
{
    public string ConsentVersion { get; set; } = "";
    public string ConsentTextJa { get; set; } = "";
    public string ConsentTextEn { get; set; } = "";
    public List<AttributeForm> Attributes { get; } = [];

    public static SegmentCatalogForm From(EditableSegmentCatalog catalog, IReadOnlySet<string> usedValues)
    {
        var form = new SegmentCatalogForm
        {
            ConsentVersion = catalog.Consent?.Version ?? "",
            ConsentTextJa = catalog.Consent?.TextJa ?? "",
            ConsentTextEn = catalog.Consent?.TextEn ?? "",
        };
        form.Attributes.AddRange(catalog.Attributes.Select(a =>
        {
            var attribute = new AttributeForm { Key = a.Key, NameJa = a.NameJa, NameEn = a.NameEn, MultipleChoice = a.MultipleChoice };
            attribute.Values.AddRange(a.Values.Select(v => new ValueForm
            {
                Key = v.Key, NameJa = v.NameJa, NameEn = v.NameEn, Hidden = v.Hidden, IsUsed = usedValues.Contains($"{a.Key}/{v.Key}"),
            }));
            return attribute;
        }));
        return form;
    }

    public EditableSegmentCatalog ToCatalog()
    {
        var hasConsent = !string.IsNullOrWhiteSpace(ConsentVersion) || !string.IsNullOrWhiteSpace(ConsentTextJa) || !string.IsNullOrWhiteSpace(ConsentTextEn);
        return new EditableSegmentCatalog(
            hasConsent ? new EditableConsent(ConsentVersion, ConsentTextJa, ConsentTextEn) : null,
            Attributes.Select(a => new EditableSegmentAttribute(
                a.Key.Trim(), a.NameJa, a.NameEn, a.MultipleChoice,
                a.Values.Select(v => new EditableSegmentValue(v.Key.Trim(), v.NameJa, v.NameEn, v.Hidden)).ToList())).ToList());
    }

    public static void Move<T>(List<T> items, T item, int offset)
    {
        var index = items.IndexOf(item);
        var target = index + offset;
        if (index < 0 || target < 0 || target >= items.Count)
        {
            return;
        }

        items.RemoveAt(index);
        items.Insert(target, item);
    }

    internal sealed class AttributeForm
    {
        public string Key { get; set; } = "";
        public string NameJa { get; set; } = "";
        public string NameEn { get; set; } = "";
        public bool MultipleChoice { get; set; }
        public List<ValueForm> Values { get; } = [];

        /// <summary>Its key is stored with residents' choices.</summary>
        public bool IsUsed => Values.Any(v => v.IsUsed);
    }

    internal sealed class ValueForm
    {
        public string Key { get; set; } = "";
        public string NameJa { get; set; } = "";
        public string NameEn { get; set; } = "";
        public bool Hidden { get; set; }

        /// <summary>Residents chose it: the key stays and the value can be hidden, not removed.</summary>
        public bool IsUsed { get; init; }
    }
}
