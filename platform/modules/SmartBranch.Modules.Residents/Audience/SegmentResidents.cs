using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Audience;

/// <summary>
/// Turns a <see cref="SegmentExpression"/> into the query of the ids of residents it matches, which EF translates to
/// SQL set operations: each <see cref="AttributeIn"/> is one range of the attribute values' index, <see cref="AllOf"/>
/// their INTERSECT and <see cref="AnyOf"/> their UNION. The audience then keeps the friends whose id is IN that set,
/// one hashed semi-join. (OR over correlated EXISTS subqueries cannot become a join in PostgreSQL and probes the index
/// once per resident: a minute at a million residents, against seconds for the set operations.) Conditions are checked
/// against the catalogue first, so that a misspelt key is an error, never an empty audience.
/// </summary>
internal static class SegmentResidents
{
    /// <summary>Deep enough for any condition a person writes; a deeper tree is a mistake or an attack on the planner.</summary>
    public const int MaxDepth = 8;

    /// <exception cref="ArgumentException">The expression is empty somewhere, too deep, or names an attribute or value the catalogue does not have.</exception>
    public static IQueryable<Guid> Ids(SegmentExpression segment, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog) =>
        Translate(segment, attributeValues, catalog, depth: 1);

    private static IQueryable<Guid> Translate(SegmentExpression segment, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"A segment may nest at most {MaxDepth} levels.", nameof(segment));
        }

        return segment switch
        {
            AttributeIn attributeIn => Matching(attributeIn, attributeValues, catalog),
            AllOf all => Parts(all.Parts, "AllOf", attributeValues, catalog, depth).Aggregate(Queryable.Intersect),
            AnyOf any => Parts(any.Parts, "AnyOf", attributeValues, catalog, depth).Aggregate(Queryable.Union),
            _ => throw new ArgumentException($"Unknown segment expression {segment.GetType().Name}.", nameof(segment)),
        };
    }

    private static List<IQueryable<Guid>> Parts(
        IReadOnlyList<SegmentExpression>? parts, string name, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog, int depth)
    {
        if (parts is not { Count: > 0 })
        {
            throw new ArgumentException($"{name} needs at least one part.", nameof(parts));
        }

        return parts.Select(p => Translate(p, attributeValues, catalog, depth + 1)).ToList();
    }

    private static IQueryable<Guid> Matching(AttributeIn condition, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog)
    {
        var attribute = catalog.FindAttribute(condition.Attribute)
            ?? throw new ArgumentException($"The segment catalogue has no attribute '{condition.Attribute}'.", nameof(condition));
        if (condition.Values is not { Count: > 0 })
        {
            throw new ArgumentException($"The condition on '{attribute.Key}' names no values.", nameof(condition));
        }

        var unknown = condition.Values.Where(v => !catalog.HasValue(attribute.Key, v)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Attribute '{attribute.Key}' has no value '{string.Join("', '", unknown)}'.", nameof(condition));
        }

        var key = attribute.Key;
        var values = condition.Values.Distinct(StringComparer.Ordinal).ToArray();
        var single = values[0];
        var rows = values.Length == 1
            ? attributeValues.Where(v => v.AttributeKey == key && v.ValueKey == single)
            : attributeValues.Where(v => v.AttributeKey == key && values.Contains(v.ValueKey));
        return rows.Select(v => v.ResidentId);
    }
}
