using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Payments;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Modules.Payments.Features.Reconciliation;
using SmartBranch.Portal.Modules.Payments;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class PaymentReconciliationPageTests : PortalComponentTest
{
    private static readonly Guid Paid = Guid.NewGuid();
    private static readonly Guid Doubled = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private readonly FakePaymentsDesk _desk = new();

    public PaymentReconciliationPageTests()
    {
        Services.AddSingleton<IPaymentsDesk>(_desk);
        Staff.UserId = "kaikei-1";
        Staff.Permissions.Add(PaymentsPermissions.View);
        _desk.Period = new PaymentPeriod(
            At,
            At,
            [
                Payment(Paid, "A-2026-000101", "sandbox", 710, PaymentState.Paid, "pi_1"),
                Payment(Doubled, "A-2026-000102", "stripe", 1010, PaymentState.Refunded, "pi_2"),
            ],
            [new ReconciledRefund(Doubled.ToString(), "stripe", 1010, PaymentRefundStatus.Succeeded, "re_2", At.AddDays(1), At.AddDays(1)) { Purpose = new("applications", "A-2026-000102", Doubled.ToString()) }],
            [
                new ReconciledDiscrepancy(Doubled.ToString(), "stripe", "evt_9", 1010, 2020, "支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。返金が必要です。", At.AddHours(2))
                {
                    Purpose = new("applications", "A-2026-000102", Doubled.ToString()),
                },
            ]);
    }

    [Fact]
    public void Without_a_period_the_page_shows_this_month_in_Japan_and_a_chosen_period_reaches_the_module_as_Japan_days()
    {
        var page = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        // The clock is 2026-12-01 10:00 in Japan.
        Assert.Equal(("2026-12-01", "2026-12-01"), (page.Find("#payment-from").GetAttribute("value"), page.Find("#payment-to").GetAttribute("value")));
        Assert.Equal((new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)), Assert.Single(_desk.Asked));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/portal/hirakawa/payments?from=2026-11-01&to=2026-11-30");
        var november = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal((new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)), _desk.Asked[^1]);
        Assert.Equal(("2026-11-01", "2026-11-30"), (november.Find("#payment-export input[name=from]").GetAttribute("value"), november.Find("#payment-export input[name=to]").GetAttribute("value")));
    }

    [Fact]
    public void A_period_that_is_reversed_or_too_long_is_explained_and_nothing_is_read()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/portal/hirakawa/payments?from=2026-11-30&to=2026-11-01");
        var reversed = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));
        Assert.Equal("開始日が終了日より後になっています。", reversed.Find("#payments-error[role=alert]").TextContent);

        navigation.NavigateTo("/portal/hirakawa/payments?from=2025-01-01&to=2026-11-30");
        var tooLong = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));
        Assert.Equal("期間は 366 日以内で指定してください。", tooLong.Find("#payments-error").TextContent);

        Assert.Empty(_desk.Asked);
        Assert.Empty(tooLong.FindAll("#payment-totals"));
    }

    [Fact]
    public void Totals_are_shown_per_payment_method_with_paid_refunded_and_discrepancies_and_a_total_row()
    {
        var page = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var rows = page.FindAll("#payment-totals tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(
            [
                ["テスト用決済（サンドボックス）", "1", "710 円", "0", "0 円", "0", "0"],
                ["Stripe（クレジットカード・PayPay）", "1", "1,010 円", "1", "1,010 円", "0", "1"],
            ],
            rows);
        Assert.Equal(["合計", "2", "1,720 円", "1", "1,010 円", "0", "1"], page.FindAll("#payment-totals tfoot td, #payment-totals tfoot th").Select(c => c.TextContent));
    }

    [Fact]
    public void A_discrepancy_is_highlighted_on_its_payment_and_listed_with_both_amounts_and_what_differs()
    {
        var page = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var flagged = Assert.Single(page.FindAll("#payment-list tbody tr.discrepancy"));
        Assert.Contains("A-2026-000102", flagged.TextContent, StringComparison.Ordinal);
        Assert.Contains("不一致：支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。", flagged.QuerySelector(".discrepancy-note")!.TextContent, StringComparison.Ordinal);

        var listed = Assert.Single(page.FindAll("#payment-discrepancies tbody tr"));
        Assert.Equal(["1,010 円", "2,020 円"], listed.QuerySelectorAll("td.mismatch").Select(c => c.TextContent));
        Assert.Contains("二重の支払い", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 件", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2026/11/20 10:00", page.Find("#payment-list tbody tr td").TextContent);
    }

    [Fact]
    public void Receipt_numbers_link_to_the_applications_only_for_staff_who_may_open_them()
    {
        var withoutApplications = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));
        Assert.Empty(withoutApplications.FindAll("#payment-list a"));
        Assert.Contains("A-2026-000101", withoutApplications.Find("#payment-list tbody tr").TextContent, StringComparison.Ordinal);

        Staff.Permissions.Add(ApplicationsPermissions.View);
        var withApplications = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal(
            [($"/portal/hirakawa/applications/{Paid}", "A-2026-000101"), ($"/portal/hirakawa/applications/{Doubled}", "A-2026-000102")],
            withApplications.FindAll("#payment-list a").Select(a => (a.GetAttribute("href"), a.TextContent)));
    }

    [Fact]
    public void Staff_without_the_payments_permission_are_refused_and_nothing_is_read()
    {
        Staff.Permissions.Clear();
        Staff.Permissions.Add(ApplicationsPermissions.View);

        var page = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Contains("payments.view", page.Find("#payments-refused[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(_desk.Asked);
    }

    [Fact]
    public void In_English_the_page_speaks_English()
    {
        UseCulture("en");

        var page = Render<PaymentReconciliationPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal("Online payment reconciliation", page.Find("h1").TextContent);
        Assert.Equal("Stripe (card, PayPay)", page.FindAll("#payment-totals tbody th")[1].TextContent);
        Assert.Equal("¥1,720", page.FindAll("#payment-totals tfoot td")[1].TextContent);
    }

    private static ReconciledPayment Payment(Guid id, string receiptNumber, string gateway, long amount, PaymentState state, string gatewayId) =>
        new(id.ToString(), gateway, amount, state, $"cs_{gatewayId}", gatewayId, At.AddMinutes(-5), At, null) { Purpose = new("applications", receiptNumber, id.ToString()) };
}
