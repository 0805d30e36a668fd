namespace SmartBranch.Kernel.Audit;

/// <summary>
/// The append-only, tamper-evident record of every staff and operator action and every view or
/// export of personal data. The actor, tenant, environment, time and client address are taken from
/// the current request or job; callers say what happened.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends at once (views, exports, sign-ins: things with no unit of work of their own).</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <param name="Action">Dotted, past tense, stable: <c>residents.profile.viewed</c>, <c>staff.invited</c>.</param>
/// <param name="TargetType">What was acted on (<c>resident</c>, <c>staff</c>, <c>tenant</c>).</param>
/// <param name="TargetId">Its id; never a name, address or other personal data.</param>
/// <param name="Summary">A short plain-Japanese description for the log viewer; no personal data.</param>
/// <param name="TouchesPersonalData">True for every view or export of residents' personal data.</param>
public sealed record AuditRecord(
    string Action,
    string? TargetType = null,
    string? TargetId = null,
    string? Summary = null,
    bool TouchesPersonalData = false);
