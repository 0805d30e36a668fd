namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>A menu breaks LINE's rules or ours; <see cref="Problems"/> says where and why, in Japanese.</summary>
public sealed class RichMenuRuleException : Exception
{
    public RichMenuRuleException(IReadOnlyList<RichMenuProblem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message))) => Problems = problems;

    public RichMenuRuleException(string message)
        : this([new RichMenuProblem("", message)])
    {
    }

    public RichMenuRuleException()
        : this("リッチメニューを保存できませんでした。")
    {
    }

    public RichMenuRuleException(string message, Exception innerException)
        : base(message, innerException) => Problems = [new RichMenuProblem("", message)];

    public IReadOnlyList<RichMenuProblem> Problems { get; }
}

/// <summary>The staff member lacks the permission the action needs.</summary>
public sealed class RichMenuForbiddenException(string message) : Exception(message);
