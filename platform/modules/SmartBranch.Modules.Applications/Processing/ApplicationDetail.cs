using SmartBranch.Jpki;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>An application as staff see it when they open it; the personal parts are null once purged.</summary>
/// <param name="NextStatuses">The moves the domain allows from the current status (審査中, 発送済, 却下).</param>
public sealed record ApplicationDetail(
    Guid Id,
    string ReceiptNumber,
    string Type,
    string Department,
    ApplicationStatus Status,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ClosedAt,
    ApplicationAmountView Amount,
    string? RejectionReason,
    ApplicationRequestView? Request,
    ApplicationIdentityView? Identity,
    ApplicationSignatureView Signature,
    ApplicationPaymentView Payment,
    IReadOnlyList<ApplicationStatus> NextStatuses,
    IReadOnlyList<ApplicationHistoryView> History)
{
    /// <summary>When the personal data was erased at the end of the retention period (保存期間経過により削除済).</summary>
    public DateTimeOffset? PurgedAt { get; init; }

    /// <summary>When the personal data will be erased; set once the application is closed.</summary>
    public DateTimeOffset? PurgeDueAt { get; init; }
}

public sealed record ApplicationAmountView(int Copies, int FeePerCopy, int Fees, string Postage, int PostageFee, int Total);

/// <summary>What the resident entered, with the catalogue's names for the keys.</summary>
public sealed record ApplicationRequestView(
    string? Purpose,
    IReadOnlyList<string> HouseholdMembers,
    IReadOnlyList<string> Items,
    string? Variant,
    int? FiscalYear,
    string? DomicileAddress,
    string? DomicileHead,
    string? RecipientName,
    string? PostalCode,
    string? Address,
    string? Phone);

/// <summary>The 基本4情報 from the signer's certificate, and whether the entered name and address agree with it (<see cref="IdentityTextNormalizer"/>).</summary>
public sealed record ApplicationIdentityView(JpkiIdentity Certified, bool NameMatches, bool AddressMatches);

public sealed record ApplicationSignatureView(JpkiVerificationOutcome? Outcome, DateTimeOffset? VerifiedAt, string? CertificateSerialNumber);

/// <param name="Summary">Null when no payment was started, or the Payments module does not know the reference.</param>
/// <param name="RefundNeeded">Rejected, paid and not (yet) refunded: staff may ask for the refund again.</param>
public sealed record ApplicationPaymentView(string? Reference, PaymentSummary? Summary, bool RefundNeeded);

/// <param name="Actor">The staff member's name; null for the resident and the system.</param>
public sealed record ApplicationHistoryView(
    DateTimeOffset At, ApplicationActorKind ActorKind, string? Actor, ApplicationStatus? FromStatus, ApplicationStatus ToStatus, string? Reason);

/// <summary>What the printed mailing label and cover sheet show.</summary>
public sealed record ApplicationPrintSheet(
    string ReceiptNumber,
    string Type,
    string? Variant,
    DateTimeOffset? ReceivedAt,
    ApplicationAmountView Amount,
    string RecipientName,
    string PostalCode,
    string Address,
    string Sender);

/// <summary>What became of the refund asked for on a rejection.</summary>
/// <param name="State">The payment's state after the request; null when it could not be asked.</param>
/// <param name="Error">Why the refund could not be asked (Japanese), for staff to try again.</param>
public sealed record ApplicationRefundOutcome(PaymentState? State, string? Error)
{
    public static readonly ApplicationRefundOutcome NothingPaid = new(null, null);
}
