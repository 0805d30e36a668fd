namespace SmartBranch.Kernel.Incidents;

/// <summary>
/// A condition operators must hear about, checked periodically by one evaluator across every process.
/// Each rule lives beside the data it reads (the kernel's LINE failures, a module's sends, the server's
/// backups) and answers what fires now; an alert that stops firing resolves its incident.
/// </summary>
public interface IAlertRule
{
    /// <summary>Stable id (<c>line-authentication</c>), part of every alert key of this rule.</summary>
    string Id { get; }

    Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// One alert firing now. <paramref name="Title"/> and <paramref name="Detail"/> are plain Japanese for
/// operators and the city's contacts and go out by e-mail and chat: counts, statuses and names of
/// things, never personal data or secrets.
/// </summary>
/// <param name="Subject">What within the rule and scope fires (a send's id, a path); empty when the rule has one subject.</param>
public sealed record FiringAlert(
    string RuleId,
    string? TenantSlug,
    string? EnvironmentName,
    string Title,
    string Detail,
    string Subject = "")
{
    /// <summary>While an incident with this key is open, the same alert adds nothing.</summary>
    public string Key => string.Join('/', RuleId, TenantSlug ?? "-", EnvironmentName ?? "-", Subject);
}
