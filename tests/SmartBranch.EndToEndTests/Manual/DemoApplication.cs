using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Jpki;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.EndToEndTests.Manual;

/// <summary>
/// The application the manual's queue and detail screenshots show: a 住民票の写し that a resident of Hirakawa's staging
/// sent, signed with the card and paid (受付), whose entered address differs from the card's so the mismatch is marked.
/// Its id is fixed because the manual's screenshot step names the page by its address. Its payment is on the payments
/// page, with a second notice of payment the gateway sent for it, so that the page shows a discrepancy.
/// </summary>
internal static class DemoApplication
{
    public static readonly Guid Id = new("0190a5c4-7d1e-7000-8000-00000000a001");

    private static readonly JpkiIdentity Card = new("平川　太郎", "青森県平川市柏木町藤山二十五番地六", new DateOnly(1980, 5, 1), JpkiSex.Male);

    public static async Task SeedAsync(IServiceProvider services, string tenant)
    {
        await using var scope = services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant, "staging");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var personal = scope.ServiceProvider.GetRequiredService<ApplicationPersonalData>();
        var catalog = await scope.ServiceProvider.GetRequiredService<ApplicationCatalogs>().EffectiveAsync(CancellationToken.None);
        var type = catalog.Type("juminhyo")!;
        var now = DateTimeOffset.UtcNow;

        var application = ResidentApplication.Start(type, "U-manual-demo", Guid.NewGuid().ToString("N"), now);
        var form = new ApplicationFormData(Purpose: "就職・転職", RecipientName: "平川 太郎", PostalCode: "036-0104", Address: "平川市本町130-1", Phone: "0172-44-1111");
        application.SaveDraft(personal.SealForm(form), 2, "ordinary", now);
        application.Submit(ApplicationAmount.From(type, 2, catalog.PostageOption("ordinary")!), "A-2026-000001", personal.SealDocument("{}"), type.RetentionDays, now);
        application.RecordSignature(
            new JpkiVerification(JpkiVerificationOutcome.Verified, Card, "1234ABCD", now), [1, 2, 3], personal.SealCertificate([4, 5, 6]), personal.SealIdentity(Card), now);
        application.BeginPayment("manual-demo", now);
        application.RecordPaymentCompleted("manual-demo", now);
        db.Add(application);
        db.Entry(application).Property(a => a.Id).CurrentValue = Id;

        var payment = Payment.Open("manual-demo", "sandbox", application.TotalAmount!.Value, now.AddMinutes(-3));
        payment.MarkPaid("sbx_pay_0001", "sbx_cs_0001", now.AddMinutes(-2));
        db.Add(payment);
        db.Add(PaymentDiscrepancy.Of("sandbox", "sbx_evt_0002", "manual-demo", payment.AmountYen, payment.AmountYen,
            "支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。返金が必要です。", now.AddMinutes(-1)));
        await db.SaveChangesAsync();
    }
}
