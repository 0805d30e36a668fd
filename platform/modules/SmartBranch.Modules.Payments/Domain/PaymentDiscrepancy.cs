using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Payments.Domain;

/// <summary>
/// A gateway event that did not match our record (another amount, an unknown reference): refused, never applied, and
/// kept for operators, whom <see cref="Incidents.PaymentDiscrepancyAlertRule"/> alerts.
/// </summary>
public sealed class PaymentDiscrepancy : ITenantOwned
{
    public const int MaxDetailLength = 500;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Gateway { get; private init; } = "";
    public string EventId { get; private init; } = "";
    public string Reference { get; private init; } = "";
    public long ExpectedAmountYen { get; private init; }
    public long ReportedAmountYen { get; private init; }
    public string Detail { get; private init; } = "";
    public DateTimeOffset DetectedAt { get; private init; }

    public static PaymentDiscrepancy Of(
        string gateway, string eventId, string reference, long expectedAmountYen, long reportedAmountYen, string detail, DateTimeOffset now) => new()
    {
        Gateway = gateway,
        EventId = eventId,
        Reference = reference,
        ExpectedAmountYen = expectedAmountYen,
        ReportedAmountYen = reportedAmountYen,
        Detail = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail,
        DetectedAt = now,
    };
}
