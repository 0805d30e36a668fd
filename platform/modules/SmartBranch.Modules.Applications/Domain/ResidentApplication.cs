using SmartBranch.Jpki;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Modules.Applications.Catalog;

namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// A resident's application for a certificate. The resident fills it in (入力中), submits it, which fixes the document
/// they sign, its receipt number and its amount (署名待ち), signs it with the My Number card, which our server verifies
/// (支払待ち), and pays (受付); staff then review it (審査中) and post the certificate (発送済) or reject it (却下).
/// Every personal field is <see cref="SealedText"/>, encrypted with the tenant environment's key; the resident is
/// known only by their LINE user id. Each status change adds a line to <see cref="History"/>.
/// </summary>
public sealed class ResidentApplication : ITenantOwned
{
    public const int MaxSubmissionKeyLength = 40;
    public const int MaxRejectionReasonLength = ApplicationHistoryEntry.MaxReasonLength;

    private readonly List<ApplicationHistoryEntry> _history = [];

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary><c>A-2026-000123</c>: unique per tenant environment, given at submission and kept if the resident corrects the form.</summary>
    public string? ReceiptNumber { get; private set; }

    /// <summary>The key of the resident's press that started the application: a second press with it finds this one.</summary>
    public string SubmissionKey { get; private init; } = "";

    public string TypeKey { get; private init; } = "";
    public string DepartmentKey { get; private init; } = "";
    public string LineUserId { get; private init; } = "";

    /// <summary>The entered <see cref="ApplicationFormData"/> as JSON, sealed; null once purged.</summary>
    public SealedText? FormData { get; private set; }

    public int Copies { get; private set; } = 1;
    public string PostageKey { get; private set; } = "";

    /// <summary>Fixed at submission from the effective catalogue; later fee changes do not touch it.</summary>
    public int? FeePerCopy { get; private set; }

    public int? PostageFee { get; private set; }
    public int? TotalAmount { get; private set; }

    /// <summary>The type's retention period, fixed at submission.</summary>
    public int RetentionDays { get; private set; }

    /// <summary>The exact document the resident signs (<see cref="ApplicationDocument"/>), sealed.</summary>
    public SealedText? SignedDocument { get; private set; }

    /// <summary>The card's signature over <see cref="SignedDocument"/>, kept with the certificate as the record of the request.</summary>
    public byte[]? Signature { get; private set; }

    /// <summary>The 署名用電子証明書 (DER, base64), sealed: it carries the 基本4情報.</summary>
    public SealedText? SignerCertificate { get; private set; }

    public string? CertificateSerialNumber { get; private set; }

    /// <summary>The verified 基本4情報 as JSON (<see cref="VerifiedIdentity"/>), sealed; set only after a verification succeeded.</summary>
    public SealedText? VerifiedIdentity { get; private set; }

    /// <summary>The last verification's outcome: a refused one tells the resident why and lets them sign again.</summary>
    public JpkiVerificationOutcome? VerificationOutcome { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>The signing provider's session, while the resident is at the provider.</summary>
    public string? SigningSessionId { get; private set; }

    /// <summary>The reference the Payments module knows the application's payment by (one payment per reference; an expired checkout is started again under it).</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>When the last checkout lapsed unpaid; cleared when the resident starts paying again.</summary>
    public DateTimeOffset? PaymentExpiredAt { get; private set; }

    public ApplicationStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the personal data is to be purged: <see cref="RetentionDays"/> after the application closed.</summary>
    public DateTimeOffset? PurgeDueAt { get; private set; }

    public DateTimeOffset? PersonalDataPurgedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ApplicationHistoryEntry> History => _history;

    public bool HasAmount => TotalAmount is not null;

    public static ResidentApplication Start(ApplicationType type, string lineUserId, string submissionKey, DateTimeOffset now)
    {
        var application = new ResidentApplication
        {
            TypeKey = type.Key,
            DepartmentKey = type.DepartmentKey,
            LineUserId = lineUserId,
            SubmissionKey = submissionKey,
            PostageKey = type.PostageKeys[0],
            CreatedAt = now,
            UpdatedAt = now,
            Status = ApplicationStatus.Draft,
        };
        application._history.Add(ApplicationHistoryEntry.Record(application.Id, ApplicationActor.Resident, null, ApplicationStatus.Draft, null, now));
        return application;
    }

    /// <exception cref="ApplicationRuleException">The application is no longer a draft.</exception>
    public void SaveDraft(SealedText formData, int copies, string postageKey, DateTimeOffset now)
    {
        Require(ApplicationStatus.Draft, "この申請はすでに提出されています。内容を直すには、署名の前に「修正する」を選んでください。");
        FormData = formData;
        Copies = copies;
        PostageKey = postageKey;
        UpdatedAt = now;
    }

    /// <summary>Fixes the amount, the receipt number and the document to sign (入力中 → 署名待ち).</summary>
    /// <param name="receiptNumber">A new number, when <see cref="ReceiptNumber"/> is still null; ignored otherwise.</param>
    /// <exception cref="ApplicationRuleException">Not a draft, or the amount is not for its copies.</exception>
    public void Submit(ApplicationAmount amount, string? receiptNumber, SealedText document, int retentionDays, DateTimeOffset now)
    {
        if (amount.Copies != Copies)
        {
            throw new ApplicationRuleException("通数が変わりました。もう一度確認してください。");
        }

        ReceiptNumber ??= receiptNumber ?? throw new ArgumentNullException(nameof(receiptNumber), "A first submission needs a receipt number.");
        MoveTo(ApplicationStatus.AwaitingSignature, ApplicationActor.Resident, null, now);
        FeePerCopy = amount.FeePerCopy;
        PostageFee = amount.Postage;
        TotalAmount = amount.Total;
        RetentionDays = retentionDays;
        SignedDocument = document;
        SubmittedAt = now;
    }

    /// <summary>The resident corrects the form before signing (署名待ち → 入力中); the receipt number stays theirs.</summary>
    public void ReturnToDraft(DateTimeOffset now)
    {
        MoveTo(ApplicationStatus.Draft, ApplicationActor.Resident, null, now);
        FeePerCopy = PostageFee = TotalAmount = null;
        SignedDocument = null;
        SigningSessionId = null;
        SubmittedAt = null;
    }

    /// <exception cref="ApplicationRuleException">The application is not waiting for a signature.</exception>
    public void BeginSigning(string sessionId, DateTimeOffset now)
    {
        Require(ApplicationStatus.AwaitingSignature, "この申請は署名を待っていません。");
        SigningSessionId = sessionId;
        UpdatedAt = now;
    }

    /// <summary>
    /// Keeps the signature, the certificate and the verification's outcome. Verified: the 基本4情報 are kept and the
    /// application waits for payment. Refused: it stays waiting for a signature, with the reason in its history.
    /// </summary>
    /// <param name="identity">The sealed <see cref="VerifiedIdentity"/>; required when verified.</param>
    public void RecordSignature(JpkiVerification verification, byte[] signature, SealedText certificate, SealedText? identity, DateTimeOffset now)
    {
        Require(ApplicationStatus.AwaitingSignature, "この申請は署名を待っていません。");
        Signature = signature;
        SignerCertificate = certificate;
        CertificateSerialNumber = verification.CertificateSerialNumber;
        VerificationOutcome = verification.Outcome;
        VerifiedAt = verification.CheckedAt;
        SigningSessionId = null;
        if (verification.IsVerified)
        {
            VerifiedIdentity = identity ?? throw new ArgumentNullException(nameof(identity), "A verified signature comes with its identity.");
            MoveTo(ApplicationStatus.AwaitingPayment, ApplicationActor.Resident, null, now);
        }
        else
        {
            _history.Add(ApplicationHistoryEntry.Record(Id, ApplicationActor.System, Status, Status, $"署名を確認できませんでした（{verification.Outcome}）", now));
            UpdatedAt = now;
        }
    }

    /// <exception cref="ApplicationRuleException">The application is not waiting for payment.</exception>
    public void BeginPayment(string paymentReference, DateTimeOffset now)
    {
        Require(ApplicationStatus.AwaitingPayment, "この申請は支払を待っていません。");
        PaymentReference = paymentReference;
        PaymentExpiredAt = null;
        UpdatedAt = now;
    }

    /// <returns>False when the event is not about this application's current payment or was already applied (events are redelivered).</returns>
    public bool RecordPaymentCompleted(string paymentReference, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.AwaitingPayment || PaymentReference != paymentReference)
        {
            return false;
        }

        MoveTo(ApplicationStatus.Received, ApplicationActor.System, null, now);
        ReceivedAt = now;
        return true;
    }

    /// <summary>The checkout lapsed unpaid: the application stays waiting for payment and the resident may pay again.</summary>
    /// <returns>False when the event is not about this application's payment or the application is no longer waiting for it.</returns>
    public bool RecordPaymentExpired(string paymentReference, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.AwaitingPayment || PaymentReference != paymentReference)
        {
            return false;
        }

        _history.Add(ApplicationHistoryEntry.Record(Id, ApplicationActor.System, Status, Status, "支払の期限が切れました", now));
        PaymentExpiredAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <exception cref="ApplicationRuleException">Not 受付.</exception>
    public void StartReview(ApplicationActor staff, DateTimeOffset now) => MoveTo(ApplicationStatus.UnderReview, staff, null, now);

    /// <exception cref="ApplicationRuleException">Not 審査中.</exception>
    public void Ship(ApplicationActor staff, DateTimeOffset now)
    {
        MoveTo(ApplicationStatus.Shipped, staff, null, now);
        Close(now);
    }

    /// <exception cref="ApplicationRuleException">No reason, or not 受付 or 審査中.</exception>
    public void Reject(ApplicationActor staff, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ApplicationRuleException("却下の理由を入力してください。");
        }

        if (reason.Trim().Length > MaxRejectionReasonLength)
        {
            throw new ApplicationRuleException($"却下の理由は {MaxRejectionReasonLength} 文字以内で入力してください。");
        }

        MoveTo(ApplicationStatus.Rejected, staff, reason.Trim(), now);
        RejectionReason = reason.Trim();
        Close(now);
    }

    /// <summary>Removes every personal field once the retention period is over; the receipt number, type, amounts and history stay.</summary>
    /// <exception cref="ApplicationRuleException">Not closed, or its retention period is not over.</exception>
    public void PurgePersonalData(DateTimeOffset now)
    {
        if (PurgeDueAt is not { } due || now < due)
        {
            throw new ApplicationRuleException("保存期間が終わっていない申請の個人情報は消去できません。");
        }

        FormData = SignedDocument = SignerCertificate = VerifiedIdentity = null;
        Signature = null;
        PersonalDataPurgedAt = now;
        UpdatedAt = now;
    }

    private void Close(DateTimeOffset now)
    {
        ClosedAt = now;
        PurgeDueAt = now.AddDays(RetentionDays);
    }

    private void MoveTo(ApplicationStatus to, ApplicationActor actor, string? reason, DateTimeOffset now)
    {
        if (!Status.CanMoveTo(to))
        {
            throw new ApplicationRuleException($"「{Status.Japanese()}」の申請は「{to.Japanese()}」にできません。");
        }

        _history.Add(ApplicationHistoryEntry.Record(Id, actor, Status, to, reason, now));
        Status = to;
        UpdatedAt = now;
    }

    private void Require(ApplicationStatus status, string message)
    {
        if (Status != status)
        {
            throw new ApplicationRuleException(message);
        }
    }
}
