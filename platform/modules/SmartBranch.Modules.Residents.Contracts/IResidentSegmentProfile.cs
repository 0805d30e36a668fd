namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>
/// A resident's coarse profile for statistics: the values they registered for the single-choice attributes of the
/// segment catalogue (地区, 年代, 言語). Topics (several values each) are left out: together they would narrow a
/// small town's answers down to a person.
/// </summary>
public interface IResidentSegmentProfile
{
    /// <summary>Attribute key → value key; empty for an unknown user or one who registered nothing.</summary>
    Task<IReadOnlyDictionary<string, string>> SingleChoiceValuesAsync(string lineUserId, CancellationToken cancellationToken);
}
