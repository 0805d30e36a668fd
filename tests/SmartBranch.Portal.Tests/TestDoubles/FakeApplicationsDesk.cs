using SmartBranch.Jpki;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Processing;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Portal.Modules.Applications;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>One application and a list of them; records what staff asked for.</summary>
internal sealed class FakeApplicationsDesk : IApplicationsDesk
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 4, 1, 0, 30, 0, TimeSpan.Zero);

    public List<ApplicationListing> Listings { get; } = [];

    public List<ApplicationQueueFilter> Searches { get; } = [];

    public ApplicationDetail? Application { get; set; }

    public List<string> Actions { get; } = [];

    public ApplicationRefundOutcome RefundOutcome { get; set; } = new(PaymentState.RefundPending, null);

    public IReadOnlyList<(string Key, string Name)> Types { get; } = [("juminhyo", "住民票の写し"), ("inkan", "印鑑登録証明書")];

    /// <summary>A 受付 application of 住民票の写し whose entered name and address agree with the certificate.</summary>
    public static ApplicationDetail Received(Guid id, string enteredName = "平川 太郎", string enteredAddress = "青森県平川市柏木町藤山25-6") => new(
        id,
        "A-2026-000123",
        "住民票の写し",
        "市民課",
        ApplicationStatus.Received,
        ReceivedAt.AddMinutes(-5),
        ReceivedAt,
        null,
        new ApplicationAmountView(2, 300, 600, "普通郵便", 110, 710),
        null,
        new ApplicationRequestView("就職・転職", ["平川 太郎"], ["世帯主・続柄"], null, null, null, null, enteredName, "036-0104", enteredAddress, "0172-44-1111"),
        new ApplicationIdentityView(
            new JpkiIdentity("平川　太郎", "青森県平川市柏木町藤山二十五番地六", new DateOnly(1980, 5, 1), JpkiSex.Male),
            IdentityTextNormalizer.SameName(enteredName, "平川　太郎"),
            IdentityTextNormalizer.SameAddress(enteredAddress, "青森県平川市柏木町藤山二十五番地六")),
        new ApplicationSignatureView(JpkiVerificationOutcome.Verified, ReceivedAt.AddMinutes(-10), "1234ABCD"),
        new ApplicationPaymentView(id.ToString(), new PaymentSummary(id.ToString(), "sandbox", 710, PaymentState.Paid, ReceivedAt, null), RefundNeeded: false),
        [ApplicationStatus.UnderReview, ApplicationStatus.Rejected],
        [new ApplicationHistoryView(ReceivedAt, ApplicationActorKind.System, null, ApplicationStatus.AwaitingPayment, ApplicationStatus.Received, null)]);

    public Task<ApplicationQueueResult> SearchAsync(ApplicationQueueFilter filter, int page, CancellationToken cancellationToken)
    {
        Searches.Add(filter);
        return Task.FromResult(new ApplicationQueueResult(Listings, 1, 1, Listings.Count));
    }

    public Task<ApplicationDetail> OpenAsync(Guid applicationId, CancellationToken cancellationToken) =>
        Application is { } application && application.Id == applicationId
            ? Task.FromResult(application)
            : throw new ApplicationRuleException("申請が見つかりません。別の課・自治体・環境の申請か、番号が違います。");

    public Task StartReviewAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        Move(ApplicationStatus.UnderReview, null);
        return Task.CompletedTask;
    }

    public Task ShipAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        Move(ApplicationStatus.Shipped, null);
        return Task.CompletedTask;
    }

    public Task<ApplicationRefundOutcome> RejectAsync(Guid applicationId, string reason, CancellationToken cancellationToken)
    {
        Move(ApplicationStatus.Rejected, reason);
        return Task.FromResult(RefundOutcome);
    }

    public Task<ApplicationRefundOutcome> RetryRefundAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        Actions.Add("refund");
        return Task.FromResult(RefundOutcome);
    }

    public Task<ApplicationPrintSheet> PrintAsync(Guid applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApplicationFeeSheet> LoadFeesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApplicationFeeSaveResult> SaveFeesAsync(IReadOnlyList<ApplicationFeeChange> changes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private void Move(ApplicationStatus to, string? reason)
    {
        var application = Application!;
        if (!application.Status.CanMoveTo(to))
        {
            throw new ApplicationRuleException($"「{application.Status.Japanese()}」の申請は「{to.Japanese()}」にできません。");
        }

        Actions.Add(reason is null ? to.ToString() : $"{to}: {reason}");
        Application = application with
        {
            Status = to,
            RejectionReason = reason,
            NextStatuses = Enum.GetValues<ApplicationStatus>().Where(s => to.CanMoveTo(s)).ToList(),
        };
    }
}
