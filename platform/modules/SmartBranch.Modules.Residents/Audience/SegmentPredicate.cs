using System.Linq.Expressions;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Audience;

/// <summary>
/// Turns a <see cref="SegmentExpression"/> into a filter on residents that EF translates to SQL: each
/// <see cref="AttributeIn"/> is an EXISTS subquery over the attribute values, composed with AND and OR as the tree
/// says. Conditions are checked against the catalogue first, so that a misspelt key is an error, never an empty audience.
/// </summary>
internal static class SegmentPredicate
{
    /// <summary>Deep enough for any condition a person writes; a deeper tree is a mistake or an attack on the planner.</summary>
    public const int MaxDepth = 8;

    /// <exception cref="ArgumentException">The expression is empty somewhere, too deep, or names an attribute or value the catalogue does not have.</exception>
    public static Expression<Func<Resident, bool>> Build(
        SegmentExpression segment, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog)
    {
        var resident = Expression.Parameter(typeof(Resident), "resident");
        return Expression.Lambda<Func<Resident, bool>>(Translate(segment, resident, attributeValues, catalog, depth: 1), resident);
    }

    private static Expression Translate(
        SegmentExpression segment, ParameterExpression resident, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"A segment may nest at most {MaxDepth} levels.", nameof(segment));
        }

        return segment switch
        {
            AttributeIn attributeIn => Exists(attributeIn, resident, attributeValues, catalog),
            AllOf all => Combine(all.Parts, Expression.AndAlso, "AllOf", resident, attributeValues, catalog, depth),
            AnyOf any => Combine(any.Parts, Expression.OrElse, "AnyOf", resident, attributeValues, catalog, depth),
            _ => throw new ArgumentException($"Unknown segment expression {segment.GetType().Name}.", nameof(segment)),
        };
    }

    private static Expression Combine(
        IReadOnlyList<SegmentExpression>? parts,
        Func<Expression, Expression, BinaryExpression> combine,
        string name,
        ParameterExpression resident,
        IQueryable<ResidentAttributeValue> attributeValues,
        SegmentCatalogDefinition catalog,
        int depth)
    {
        if (parts is not { Count: > 0 })
        {
            throw new ArgumentException($"{name} needs at least one part.", nameof(parts));
        }

        return parts.Select(p => Translate(p, resident, attributeValues, catalog, depth + 1)).Aggregate(combine);
    }

    private static Expression Exists(
        AttributeIn condition, ParameterExpression resident, IQueryable<ResidentAttributeValue> attributeValues, SegmentCatalogDefinition catalog)
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
        Expression<Func<Resident, bool>> exists = values.Length == 1
            ? r => attributeValues.Any(v => v.ResidentId == r.Id && v.AttributeKey == key && v.ValueKey == values[0])
            : r => attributeValues.Any(v => v.ResidentId == r.Id && v.AttributeKey == key && values.Contains(v.ValueKey));
        return new ParameterReplacer(exists.Parameters[0], resident).Visit(exists.Body);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
