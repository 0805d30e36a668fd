using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>A delivery's audience in words, with the catalogue's names of attributes and values in the UI language.</summary>
public static class SegmentWording
{
    public static string Describe(SegmentExpression? segment, IReadOnlyList<SegmentAttribute> catalog, IStringLocalizer<DeliveryText> text) =>
        segment is null ? text["AllFriends"] : Part(segment, catalog, text, nested: false);

    private static string Part(SegmentExpression segment, IReadOnlyList<SegmentAttribute> catalog, IStringLocalizer<DeliveryText> text, bool nested)
    {
        switch (segment)
        {
            case AttributeIn condition:
                var attribute = catalog.FirstOrDefault(a => a.Key == condition.Attribute);
                var values = condition.Values.Select(v => attribute?.Values.FirstOrDefault(x => x.Key == v) is { } value ? Name(value.NameJa, value.NameEn) : v);
                return text["SegmentCondition", attribute is null ? condition.Attribute : Name(attribute.NameJa, attribute.NameEn), string.Join(text["SegmentValueSeparator"], values)];
            case AllOf all:
                return Joined(all.Parts, text["SegmentAnd"], catalog, text, nested);
            case AnyOf any:
                return Joined(any.Parts, text["SegmentOr"], catalog, text, nested);
            default:
                return segment.ToString();
        }
    }

    private static string Joined(IReadOnlyList<SegmentExpression> parts, string separator, IReadOnlyList<SegmentAttribute> catalog, IStringLocalizer<DeliveryText> text, bool nested)
    {
        var joined = string.Join(separator, parts.Select(p => Part(p, catalog, text, nested: true)));
        return nested && parts.Count > 1 ? $"（{joined}）" : joined;
    }

    private static string Name(string japanese, string english) => PortalCultures.IsEnglish && english.Length > 0 ? english : japanese;
}
