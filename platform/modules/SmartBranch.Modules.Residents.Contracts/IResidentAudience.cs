namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>
/// The residents of the current tenant environment a message may reach: friends (not blocked) who
/// match a <see cref="SegmentExpression"/>, or all friends when it is null. Only LINE user ids leave
/// the module, never the attributes themselves.
/// </summary>
public interface IResidentAudience
{
    /// <summary>The largest page: a sender reads a round's recipients at once, and a segment is evaluated once per page.</summary>
    public const int MaxPageSize = 10_000;

    Task<int> CountAsync(SegmentExpression? segment, CancellationToken cancellationToken);

    /// <summary>
    /// The next at most <paramref name="size"/> recipients after <paramref name="continuation"/> (null: from the
    /// start), in a stable order, so a sender that stores the returned continuation resumes after a crash
    /// without skipping or repeating anyone.
    /// </summary>
    Task<AudiencePage> PageAsync(SegmentExpression? segment, string? continuation, int size, CancellationToken cancellationToken);
}

/// <param name="Continuation">Pass to the next call; null when this page is the last.</param>
public sealed record AudiencePage(IReadOnlyList<AudienceMember> Members, string? Continuation);

public sealed record AudienceMember(Guid ResidentId, string LineUserId);
