namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>The attributes residents of the current tenant environment may register (トピック, 地区, 年代, 言語) and their values.</summary>
public interface ISegmentCatalog
{
    Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken);
}

/// <param name="Key">Stable key stored with residents' choices and in <see cref="AttributeIn"/>, e.g. <c>topic</c>.</param>
/// <param name="MultipleChoice">Topics allow several values; area, age band and language one.</param>
public sealed record SegmentAttribute(string Key, string NameJa, string NameEn, bool MultipleChoice, IReadOnlyList<SegmentValue> Values);

/// <param name="Key">Stable key, e.g. <c>disaster</c> or <c>hiraka</c>.</param>
public sealed record SegmentValue(string Key, string NameJa, string NameEn);
