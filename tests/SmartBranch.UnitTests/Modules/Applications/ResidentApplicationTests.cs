using SmartBranch.Jpki;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.UnitTests.Modules.Applications;

public sealed class ResidentApplicationTests
{
    private static readonly ApplicationCatalog Catalog = ApplicationCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly SealedText Sealed = new("CfDJ8sealed");
    private static readonly ApplicationActor Clerk = ApplicationActor.Staff("staff-1", "市民課 職員");

    [Fact]
    public void The_amount_is_the_fee_per_copy_times_the_copies_plus_the_postage_once()
    {
        var juminhyo = Catalog.Type("juminhyo")!;
        var koseki = Catalog.Type("koseki")!;

        Assert.Equal(710, ApplicationAmount.From(juminhyo, 2, Catalog.PostageOption("ordinary")!).Total);
        Assert.Equal(1760, ApplicationAmount.From(koseki, 3, Catalog.PostageOption("express")!).Total);
        var amount = ApplicationAmount.From(juminhyo, 10, Catalog.PostageOption("registered")!);
        Assert.Equal((300, 3000, 460, 3460), (amount.FeePerCopy, amount.Fees, amount.Postage, amount.Total));
    }

    [Fact]
    public void Copies_outside_the_types_range_or_a_postage_the_type_does_not_allow_are_refused_in_Japanese()
    {
        var juminhyo = Catalog.Type("juminhyo")!;

        var tooMany = Assert.Throws<ApplicationRuleException>(() => ApplicationAmount.From(juminhyo, 11, Catalog.PostageOption("ordinary")!));
        Assert.Equal("通数は 1 から 10 までで指定してください。", tooMany.Message);
        Assert.Throws<ApplicationRuleException>(() => ApplicationAmount.From(juminhyo, 0, Catalog.PostageOption("ordinary")!));
        var courier = Assert.Throws<ApplicationRuleException>(() => ApplicationAmount.From(juminhyo, 1, new PostageOption("courier", "宅配便", 800)));
        Assert.Equal("住民票の写しは「宅配便」では送れません。", courier.Message);
    }

    [Fact]
    public void The_amount_is_fixed_at_submission_and_a_later_fee_change_does_not_touch_it()
    {
        var application = Submitted(copies: 2);

        var raised = Catalog.WithOverrides([ApplicationFeeOverride.Set(ApplicationFeeKind.FeePerCopy, "juminhyo", 350, "admin", Now)]);

        Assert.Equal(350, raised.Type("juminhyo")!.FeePerCopy);
        Assert.Equal((300, 110, 710), (application.FeePerCopy, application.PostageFee, application.TotalAmount));
        Assert.Equal("A-2026-000001", application.ReceiptNumber);
        Assert.Equal(ApplicationStatus.AwaitingSignature, application.Status);
    }

    [Fact]
    public void The_whole_way_to_shipped_is_recorded_step_by_step_with_who_and_when()
    {
        var application = Submitted(copies: 1);
        application.RecordSignature(Verified(), [1, 2, 3], Sealed, Sealed, Now.AddMinutes(5));
        application.BeginPayment(application.Id.ToString(), Now.AddMinutes(6));
        Assert.True(application.RecordPaymentCompleted(application.Id.ToString(), Now.AddMinutes(8)));
        application.StartReview(Clerk, Now.AddHours(2));
        application.Ship(Clerk, Now.AddDays(1));

        Assert.Equal(ApplicationStatus.Shipped, application.Status);
        Assert.Equal(
            [
                (null, ApplicationStatus.Draft, ApplicationActorKind.Resident),
                (ApplicationStatus.Draft, ApplicationStatus.AwaitingSignature, ApplicationActorKind.Resident),
                (ApplicationStatus.AwaitingSignature, ApplicationStatus.AwaitingPayment, ApplicationActorKind.Resident),
                (ApplicationStatus.AwaitingPayment, ApplicationStatus.Received, ApplicationActorKind.System),
                (ApplicationStatus.Received, ApplicationStatus.UnderReview, ApplicationActorKind.Staff),
                (ApplicationStatus.UnderReview, ApplicationStatus.Shipped, ApplicationActorKind.Staff),
            ],
            application.History.Select(h => (h.FromStatus, h.ToStatus, h.ActorKind)));
        Assert.Equal(("staff-1", Now.AddDays(1)), (application.History[^1].StaffUserId, application.History[^1].At));
        Assert.Equal((Now.AddMinutes(8), Now.AddDays(1), Now.AddDays(91)), (application.ReceivedAt, application.ClosedAt, application.PurgeDueAt));
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_the_status_stays()
    {
        var draft = Draft(copies: 1);
        var error = Assert.Throws<ApplicationRuleException>(() => draft.StartReview(Clerk, Now));
        Assert.Equal("「入力中」の申請は「審査中」にできません。", error.Message);
        Assert.Throws<ApplicationRuleException>(() => draft.BeginSigning("session", Now));
        Assert.Throws<ApplicationRuleException>(() => draft.BeginPayment("reference", Now));
        Assert.False(draft.RecordPaymentCompleted(draft.Id.ToString(), Now));
        Assert.Equal(ApplicationStatus.Draft, draft.Status);

        var received = Paid();
        Assert.Throws<ApplicationRuleException>(() => received.Ship(Clerk, Now));
        Assert.Throws<ApplicationRuleException>(() => received.SaveDraft(Sealed, 2, "ordinary", Now));
        Assert.Equal(ApplicationStatus.Received, received.Status);

        received.Reject(Clerk, "  住民登録が確認できませんでした  ", Now);
        Assert.Throws<ApplicationRuleException>(() => received.StartReview(Clerk, Now));
        Assert.Throws<ApplicationRuleException>(() => received.Ship(Clerk, Now));
        Assert.Equal(("住民登録が確認できませんでした", ApplicationStatus.Rejected), (received.RejectionReason, received.Status));
        Assert.Equal("住民登録が確認できませんでした", received.History[^1].Reason);
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var application = Paid();

        var error = Assert.Throws<ApplicationRuleException>(() => application.Reject(Clerk, " ", Now));

        Assert.Equal("却下の理由を入力してください。", error.Message);
        Assert.Equal(ApplicationStatus.Received, application.Status);
    }

    [Fact]
    public void A_refused_signature_keeps_the_application_waiting_for_one_and_the_next_verified_one_moves_it_on()
    {
        var application = Submitted(copies: 1);

        application.RecordSignature(new JpkiVerification(JpkiVerificationOutcome.CertificateRevoked, null, "0A1B", Now), [1], Sealed, null, Now);

        Assert.Equal((ApplicationStatus.AwaitingSignature, JpkiVerificationOutcome.CertificateRevoked), (application.Status, application.VerificationOutcome));
        Assert.Null(application.VerifiedIdentity);
        Assert.Contains("CertificateRevoked", application.History[^1].Reason, StringComparison.Ordinal);

        application.BeginSigning("second-session", Now.AddMinutes(1));
        application.RecordSignature(Verified(), [2], Sealed, Sealed, Now.AddMinutes(2));
        Assert.Equal((ApplicationStatus.AwaitingPayment, JpkiVerificationOutcome.Verified), (application.Status, application.VerificationOutcome));
        Assert.NotNull(application.VerifiedIdentity);
        Assert.Null(application.SigningSessionId);
    }

    [Fact]
    public void An_expired_payment_keeps_the_application_waiting_for_payment_and_a_redelivered_completion_counts_once()
    {
        var application = Submitted(copies: 1);
        application.RecordSignature(Verified(), [1], Sealed, Sealed, Now);
        var reference = application.Id.ToString();
        application.BeginPayment(reference, Now);

        Assert.False(application.RecordPaymentCompleted("another-reference", Now));
        Assert.True(application.RecordPaymentExpired(reference, Now.AddMinutes(30)));
        Assert.Equal((ApplicationStatus.AwaitingPayment, Now.AddMinutes(30)), (application.Status, application.PaymentExpiredAt));

        application.BeginPayment(reference, Now.AddMinutes(40));
        Assert.Null(application.PaymentExpiredAt);
        Assert.True(application.RecordPaymentCompleted(reference, Now.AddMinutes(41)));
        Assert.False(application.RecordPaymentCompleted(reference, Now.AddMinutes(42)));
        Assert.False(application.RecordPaymentExpired(reference, Now.AddMinutes(43)));
        Assert.Equal(ApplicationStatus.Received, application.Status);
        Assert.Single(application.History, h => h.ToStatus == ApplicationStatus.Received);
    }

    [Fact]
    public void Correcting_the_form_before_signing_unfixes_the_amount_but_keeps_the_receipt_number()
    {
        var application = Submitted(copies: 1);

        application.ReturnToDraft(Now.AddMinutes(1));
        application.SaveDraft(Sealed, 3, "express", Now.AddMinutes(2));
        application.Submit(ApplicationAmount.From(Catalog.Type("juminhyo")!, 3, Catalog.PostageOption("express")!), null, Sealed, 90, Now.AddMinutes(3));

        Assert.Equal(("A-2026-000001", 1310), (application.ReceiptNumber, application.TotalAmount));
    }

    [Fact]
    public void Personal_data_is_purged_only_once_the_retention_period_is_over_and_the_record_stays()
    {
        var application = Paid();
        Assert.Throws<ApplicationRuleException>(() => application.PurgePersonalData(Now.AddYears(1)));

        application.Reject(Clerk, "本籍が市外でした", Now);
        Assert.Throws<ApplicationRuleException>(() => application.PurgePersonalData(Now.AddDays(89)));
        application.PurgePersonalData(Now.AddDays(90));

        Assert.Null(application.FormData);
        Assert.Null(application.SignedDocument);
        Assert.Null(application.SignerCertificate);
        Assert.Null(application.VerifiedIdentity);
        Assert.Null(application.Signature);
        Assert.Equal(("A-2026-000001", 410, Now.AddDays(90)), (application.ReceiptNumber, application.TotalAmount, application.PersonalDataPurgedAt));
    }

    private static ResidentApplication Draft(int copies)
    {
        var application = ResidentApplication.Start(Catalog.Type("juminhyo")!, "U0123456789abcdef0123456789abcdef", Guid.NewGuid().ToString(), Now);
        application.SaveDraft(Sealed, copies, "ordinary", Now);
        return application;
    }

    private static ResidentApplication Submitted(int copies)
    {
        var application = Draft(copies);
        application.Submit(ApplicationAmount.From(Catalog.Type("juminhyo")!, copies, Catalog.PostageOption("ordinary")!), "A-2026-000001", Sealed, 90, Now);
        return application;
    }

    private static ResidentApplication Paid()
    {
        var application = Submitted(copies: 1);
        application.RecordSignature(Verified(), [1], Sealed, Sealed, Now);
        application.BeginPayment(application.Id.ToString(), Now);
        application.RecordPaymentCompleted(application.Id.ToString(), Now);
        return application;
    }

    private static JpkiVerification Verified() =>
        new(JpkiVerificationOutcome.Verified, new JpkiIdentity("平川 花子", "青森県平川市柏木町藤山25番地6", new DateOnly(1985, 4, 1), JpkiSex.Female), "0A1B", Now);
}
