namespace SmartBranch.Modules.Residents.Segments.Editing;

/// <summary>
/// Editing the current tenant environment's segment catalogue in the portal. It is authored in staging and
/// promoted to production, whose catalogue is read-only here; every save and promotion is audited.
/// </summary>
public interface ISegmentCatalogEditor
{
    /// <exception cref="SegmentCatalogException">The staff member may not manage segments.</exception>
    Task<SegmentCatalogEditorState> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces staging's catalogue.</summary>
    /// <exception cref="SegmentCatalogException">Not staging, a rule is broken, or a value residents chose was removed; each problem in Japanese.</exception>
    Task SaveAsync(EditableSegmentCatalog catalog, CancellationToken cancellationToken);

    /// <summary>Makes staging's catalogue production's.</summary>
    /// <exception cref="SegmentCatalogException">Not staging, or it lacks a value production's residents chose.</exception>
    Task PromoteAsync(CancellationToken cancellationToken);
}

/// <param name="IsEditable">Only staging's catalogue is edited; production's is promoted from it.</param>
/// <param name="UsedValues">Values residents of this environment chose (<c>attribute/value</c>): they can be hidden, not removed.</param>
/// <param name="ChangesFromProduction">In staging, what promoting would change in production, one line each; empty in production.</param>
public sealed record SegmentCatalogEditorState(
    EditableSegmentCatalog Catalog, bool IsEditable, IReadOnlySet<string> UsedValues, IReadOnlyList<string> ChangesFromProduction);

/// <summary>A request the catalogue's rules refuse; every problem in <see cref="Problems"/>, in Japanese.</summary>
public sealed class SegmentCatalogException : Exception
{
    public SegmentCatalogException(IReadOnlyList<string> problems) : base(string.Join(" ", problems)) => Problems = problems;

    public SegmentCatalogException(string problem) : this([problem]) { }

    public SegmentCatalogException() : this("セグメントの操作を受け付けられませんでした。") { }

    public SegmentCatalogException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; } = [];
}
