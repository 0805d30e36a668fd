using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Modules.Reports.Contracts;

/// <summary>A resident filed a report; it waits in the inbox of <paramref name="DepartmentKey"/>. No personal data.</summary>
public sealed record ReportFiledIntegrationEvent(Guid ReportId, string ReceiptNumber, string CategoryKey, string DepartmentKey, bool PossibleDuplicate)
    : IntegrationEvent;

/// <summary>Staff moved a report to another status (<c>received</c>, <c>in_progress</c>, <c>completed</c>, <c>declined</c>).</summary>
public sealed record ReportStatusChangedIntegrationEvent(Guid ReportId, string ReceiptNumber, string FromStatus, string ToStatus) : IntegrationEvent;
