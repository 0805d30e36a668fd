namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>
/// A request a delivery's rules refuse; <see cref="Exception.Message"/> is Japanese, for staff, each problem is in
/// <see cref="Problems"/>, and <see cref="Details"/> says which part of the delivery each one is about.
/// </summary>
public sealed class BroadcastRuleException : Exception
{
    public BroadcastRuleException(IReadOnlyList<BroadcastProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Text)))
    {
        Details = problems;
        Problems = problems.Select(p => p.Text).ToList();
    }

    public BroadcastRuleException(IReadOnlyList<string> problems)
        : this(problems.Select(p => new BroadcastProblem(BroadcastDraftPart.Delivery, p)).ToList())
    {
    }

    public BroadcastRuleException(string problem) : this([problem]) { }

    public BroadcastRuleException() : this("配信の操作を受け付けられませんでした。") { }

    public BroadcastRuleException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [message];
        Details = [new BroadcastProblem(BroadcastDraftPart.Delivery, message)];
    }

    public IReadOnlyList<string> Problems { get; } = [];

    public IReadOnlyList<BroadcastProblem> Details { get; } = [];
}

/// <summary>The signed-in staff member lacks the permission an action needs; the message says which, in Japanese.</summary>
public sealed class BroadcastForbiddenException : Exception
{
    public BroadcastForbiddenException(string message) : base(message) { }

    public BroadcastForbiddenException() : this("この操作の権限がありません。") { }

    public BroadcastForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}
