namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>A request a delivery's rules refuse; <see cref="Exception.Message"/> is Japanese, for staff, and each problem is in <see cref="Problems"/>.</summary>
public sealed class BroadcastRuleException : Exception
{
    public BroadcastRuleException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    public BroadcastRuleException(string problem) : this([problem]) { }

    public BroadcastRuleException() : this("配信の操作を受け付けられませんでした。") { }

    public BroadcastRuleException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; } = [];
}

/// <summary>The signed-in staff member lacks the permission an action needs; the message says which, in Japanese.</summary>
public sealed class BroadcastForbiddenException : Exception
{
    public BroadcastForbiddenException(string message) : base(message) { }

    public BroadcastForbiddenException() : this("この操作の権限がありません。") { }

    public BroadcastForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}
