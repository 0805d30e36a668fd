using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>
/// Who receives a delivery, as the segment builder edits it: all friends, or groups of conditions. A condition
/// is one attribute with any of its chosen values; a group holds when all its conditions do; the groups are
/// combined with AND or OR.
/// </summary>
public sealed class SegmentInput
{
    public bool AllFriends { get; set; } = true;

    /// <summary>True: every group must hold (AND); false: any group (OR).</summary>
    public bool GroupsAllOf { get; set; }

    public List<SegmentGroupInput> Groups { get; } = [];

    /// <summary>null: all friends, or no condition with a value chosen yet.</summary>
    public SegmentExpression? ToExpression()
    {
        if (AllFriends)
        {
            return null;
        }

        var groups = Groups.Select(g => g.ToExpression()).OfType<SegmentExpression>().ToList();
        return groups.Count switch
        {
            0 => null,
            1 => groups[0],
            _ => GroupsAllOf ? new AllOf(groups) : new AnyOf(groups),
        };
    }

    /// <summary>Whether conditions are wanted but none has a value chosen, which would reach all friends.</summary>
    public bool IsIncomplete => !AllFriends && ToExpression() is null;

    /// <returns>null when <paramref name="segment"/> has a shape the builder cannot show (an OR inside a group).</returns>
    public static SegmentInput? From(SegmentExpression? segment)
    {
        var input = new SegmentInput();
        if (segment is null)
        {
            return input;
        }

        input.AllFriends = false;
        IEnumerable<SegmentExpression> groups = segment switch
        {
            AnyOf any => any.Parts,
            AllOf all when all.Parts.All(p => p is AttributeIn) => [all],
            AllOf all => all.Parts,
            _ => [segment],
        };
        input.GroupsAllOf = segment is AllOf && groups.Count() > 1;
        foreach (var group in groups)
        {
            if (SegmentGroupInput.From(group) is not { } parsed)
            {
                return null;
            }

            input.Groups.Add(parsed);
        }

        return input;
    }
}

public sealed class SegmentGroupInput
{
    public Guid Key { get; } = Guid.NewGuid();

    public List<SegmentConditionInput> Conditions { get; } = [];

    public SegmentExpression? ToExpression()
    {
        var conditions = Conditions.Where(c => c.Values.Count > 0).Select(c => (SegmentExpression)new AttributeIn(c.Attribute, [.. c.Values])).ToList();
        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new AllOf(conditions),
        };
    }

    internal static SegmentGroupInput? From(SegmentExpression expression)
    {
        var group = new SegmentGroupInput();
        IReadOnlyList<SegmentExpression> parts = expression is AllOf all ? all.Parts : [expression];
        foreach (var part in parts)
        {
            if (part is not AttributeIn condition)
            {
                return null;
            }

            group.Conditions.Add(new SegmentConditionInput { Attribute = condition.Attribute, Values = [.. condition.Values] });
        }

        return group;
    }
}

/// <summary>One attribute (a catalogue key) and the values any of which a resident must have registered.</summary>
public sealed class SegmentConditionInput
{
    public Guid Key { get; } = Guid.NewGuid();

    public string Attribute { get; set; } = "";

    public HashSet<string> Values { get; set; } = [];
}
