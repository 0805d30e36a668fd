using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.Modules.Applications.Resident;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// One application as staff process it: opening it and printing its label (both audited, as they show personal data),
/// and moving it 受付 → 審査中 → 発送済 or to 却下 with a reason. Each move tells the resident in LINE through the
/// outbox in the same commit, and is refused when another staff member moved the application meanwhile. A rejection
/// refunds the payment; a refund the gateway refused can be asked for again.
/// </summary>
public sealed class ApplicationDesk
{
    private readonly ApplicationsStaff _staff;
    private readonly ApplicationPersonalData _personalData;
    private readonly IPayments _payments;
    private readonly IAuditLog _audit;
    private readonly ILineMessenger _messenger;
    private readonly ResidentPageLinks _links;
    private readonly ICurrentTenant _tenant;
    private readonly TimeProvider _clock;

    internal ApplicationDesk(
        ApplicationsStaff staff, ApplicationPersonalData personalData, IPayments payments, IAuditLog audit, ILineMessenger messenger, ResidentPageLinks links,
        ICurrentTenant tenant, TimeProvider clock)
    {
        _staff = staff;
        _personalData = personalData;
        _payments = payments;
        _audit = audit;
        _messenger = messenger;
        _links = links;
        _tenant = tenant;
        _clock = clock;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.View"/>.</exception>
    /// <exception cref="ApplicationRuleException">No such application in the staff member's departments.</exception>
    public async Task<ApplicationDetail> OpenAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        _staff.Require(ApplicationsPermissions.View);
        var application = await _staff.FindAsync(applicationId, cancellationToken);
        var type = _staff.Catalog.Type(application.TypeKey);
        ApplicationRequestView? request = null;
        ApplicationIdentityView? identity = null;
        if (application.PersonalDataPurgedAt is null)
        {
            var form = _personalData.OpenForm(application);
            request = Request(form, type);
            if (_personalData.OpenIdentity(application) is { } certified)
            {
                identity = new ApplicationIdentityView(
                    certified, IdentityTextNormalizer.SameName(form.RecipientName, certified.Name), IdentityTextNormalizer.SameAddress(form.Address, certified.Address));
            }

            await _audit.RecordAsync(
                new AuditRecord("applications.application.viewed", "application", application.Id.ToString(),
                    $"申請 {application.ReceiptNumber} を開きました（入力内容・基本4情報）。", TouchesPersonalData: true),
                cancellationToken);
        }

        var payment = await PaymentAsync(application, cancellationToken);
        return new ApplicationDetail(
            application.Id,
            application.ReceiptNumber ?? "",
            type?.NameJa ?? application.TypeKey,
            _staff.DepartmentName(application.DepartmentKey),
            application.Status,
            application.SubmittedAt,
            application.ReceivedAt,
            application.ClosedAt,
            Amount(application),
            application.RejectionReason,
            request,
            identity,
            new ApplicationSignatureView(application.VerificationOutcome, application.VerifiedAt, application.CertificateSerialNumber),
            payment,
            Enum.GetValues<ApplicationStatus>().Where(s => application.Status.CanMoveTo(s)).ToList(),
            application.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new ApplicationHistoryView(h.At, h.ActorKind, h.StaffDisplayName, h.FromStatus, h.ToStatus, h.Reason)).ToList())
        {
            PurgedAt = application.PersonalDataPurgedAt,
            PurgeDueAt = application.PurgeDueAt,
        };
    }

    /// <summary>受付 → 審査中.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.Process"/>.</exception>
    /// <exception cref="ApplicationRuleException">No such application, not 受付, or moved by someone else meanwhile.</exception>
    public Task StartReviewAsync(Guid applicationId, CancellationToken cancellationToken) =>
        MoveAsync(applicationId, (application, actor, now) => application.StartReview(actor, now), cancellationToken);

    /// <summary>審査中 → 発送済: the certificate was posted.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.Process"/>.</exception>
    /// <exception cref="ApplicationRuleException">No such application, not 審査中, or moved by someone else meanwhile.</exception>
    public Task ShipAsync(Guid applicationId, CancellationToken cancellationToken) =>
        MoveAsync(applicationId, (application, actor, now) => application.Ship(actor, now), cancellationToken);

    /// <summary>
    /// 受付 or 審査中 → 却下 with the reason the resident reads on their status page, then the payment's refund. The
    /// rejection stands when the refund cannot be asked for; the outcome says so and staff ask again from the detail.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.Process"/>.</exception>
    /// <exception cref="ApplicationRuleException">No reason, no such application, closed already, or moved by someone else meanwhile.</exception>
    public async Task<ApplicationRefundOutcome> RejectAsync(Guid applicationId, string reason, CancellationToken cancellationToken)
    {
        var application = await MoveAsync(applicationId, (application, actor, now) => application.Reject(actor, reason, now), cancellationToken);
        return await RefundAsync(application, cancellationToken);
    }

    /// <summary>Asks again for the refund of a rejected application's payment.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.Process"/>.</exception>
    /// <exception cref="ApplicationRuleException">No such application, or not rejected.</exception>
    public async Task<ApplicationRefundOutcome> RetryRefundAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        _staff.Require(ApplicationsPermissions.Process);
        var application = await _staff.FindAsync(applicationId, cancellationToken);
        if (application.Status != ApplicationStatus.Rejected)
        {
            throw new ApplicationRuleException("返金できるのは却下した申請だけです。");
        }

        return await RefundAsync(application, cancellationToken);
    }

    /// <summary>The mailing label and cover sheet's contents; audited, as they show the name and address.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.View"/>.</exception>
    /// <exception cref="ApplicationRuleException">No such application, or its personal data was purged.</exception>
    public async Task<ApplicationPrintSheet> PrintAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        _staff.Require(ApplicationsPermissions.View);
        var application = await _staff.FindAsync(applicationId, cancellationToken);
        if (application.PersonalDataPurgedAt is not null)
        {
            throw new ApplicationRuleException("この申請の個人情報は保存期間経過により削除済みのため、印刷できません。");
        }

        var form = _personalData.OpenForm(application);
        var type = _staff.Catalog.Type(application.TypeKey);
        await _audit.RecordAsync(
            new AuditRecord("applications.application.printed", "application", application.Id.ToString(),
                $"申請 {application.ReceiptNumber} の宛名ラベルと送付票を印刷用に開きました。", TouchesPersonalData: true),
            cancellationToken);
        return new ApplicationPrintSheet(
            application.ReceiptNumber ?? "",
            type?.NameJa ?? application.TypeKey,
            type?.Variants.FirstOrDefault(v => v.Key == form.VariantKey)?.Name,
            application.ReceivedAt,
            Amount(application),
            form.RecipientName ?? "",
            form.PostalCode ?? "",
            form.Address ?? "",
            _tenant.Required.Tenant.Name);
    }

    private async Task<ResidentApplication> MoveAsync(
        Guid applicationId, Action<ResidentApplication, ApplicationActor, DateTimeOffset> move, CancellationToken cancellationToken)
    {
        var userId = _staff.Require(ApplicationsPermissions.Process);
        var application = await _staff.FindAsync(applicationId, cancellationToken);
        var from = application.Status;
        move(application, _staff.Actor(userId), _clock.GetUtcNow());
        _staff.Db.Add(application.History[^1]);
        var statusPage = _links.For(_tenant.Required, $"{ApplicationPages.Page}/{application.Id}");
        _messenger.Push(application.LineUserId, [ApplicationNotices.StatusChanged(application.ReceiptNumber!, application.Status, statusPage)]);
        try
        {
            await _staff.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ApplicationRuleException("この申請は同時に別の職員が変更しました。画面を読み込み直してから、もう一度操作してください。", e);
        }

        await _audit.RecordAsync(
            new AuditRecord("applications.application.status_changed", "application", application.Id.ToString(),
                $"申請 {application.ReceiptNumber} を「{from.Japanese()}」から「{application.Status.Japanese()}」にしました。"),
            cancellationToken);
        return application;
    }

    private async Task<ApplicationRefundOutcome> RefundAsync(ResidentApplication application, CancellationToken cancellationToken)
    {
        if (application.PaymentReference is not { } reference)
        {
            return ApplicationRefundOutcome.NothingPaid;
        }

        try
        {
            var refund = await _payments.RefundAsync(reference, $"申請 {application.ReceiptNumber} の却下", cancellationToken);
            await _audit.RecordAsync(
                new AuditRecord("applications.application.refund_requested", "application", application.Id.ToString(),
                    $"却下した申請 {application.ReceiptNumber} の返金を依頼しました（{refund.AmountYen} 円）。"),
                cancellationToken);
            return new ApplicationRefundOutcome(refund.State, null);
        }
        catch (PaymentUnavailableException e)
        {
            await _audit.RecordAsync(
                new AuditRecord("applications.application.refund_failed", "application", application.Id.ToString(),
                    $"却下した申請 {application.ReceiptNumber} の返金を依頼できませんでした。"),
                cancellationToken);
            return new ApplicationRefundOutcome(null, e.Message);
        }
    }

    private async Task<ApplicationPaymentView> PaymentAsync(ResidentApplication application, CancellationToken cancellationToken)
    {
        if (application.PaymentReference is not { } reference)
        {
            return new ApplicationPaymentView(null, null, RefundNeeded: false);
        }

        var summary = await _payments.FindAsync(reference, cancellationToken);
        var refundNeeded = application.Status == ApplicationStatus.Rejected && summary?.State is PaymentState.Paid or PaymentState.RefundFailed;
        return new ApplicationPaymentView(reference, summary, refundNeeded);
    }

    private ApplicationAmountView Amount(ResidentApplication application)
    {
        var fees = (application.FeePerCopy ?? 0) * application.Copies;
        return new ApplicationAmountView(
            application.Copies,
            application.FeePerCopy ?? 0,
            fees,
            _staff.Catalog.PostageOption(application.PostageKey)?.Name ?? application.PostageKey,
            application.PostageFee ?? 0,
            application.TotalAmount ?? 0);
    }

    private static ApplicationRequestView Request(ApplicationFormData form, ApplicationType? type) => new(
        form.Purpose == ApplicationFormData.OtherPurpose && form.PurposeDetail is { } detail ? $"{form.Purpose}（{detail}）" : form.Purpose,
        form.HouseholdMembers ?? [],
        (form.ItemKeys ?? []).Select(k => type?.Items.FirstOrDefault(i => i.Key == k)?.Name ?? k).ToList(),
        type?.Variants.FirstOrDefault(v => v.Key == form.VariantKey)?.Name ?? form.VariantKey,
        form.FiscalYear,
        form.DomicileAddress,
        form.DomicileHead,
        form.RecipientName,
        form.PostalCode,
        form.Address,
        form.Phone);
}
