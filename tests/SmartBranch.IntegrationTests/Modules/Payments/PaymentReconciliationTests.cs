using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Applications.Processing;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Modules.Payments.Features.Reconciliation;

namespace SmartBranch.IntegrationTests.Modules.Payments;

/// <summary>
/// The reconciliation of a month in Hirakawa's staging: payments paid in it, refunds asked for in it and discrepancies
/// detected in it, named by the applications' receipt numbers, on screen and as CSV, each reading audited.
/// </summary>
public abstract class PaymentReconciliationTests(ProcessingBed fixture)
{
    // March 2026 in Japan: 2026-02-28T15:00Z to 2026-03-31T15:00Z.
    private static readonly DateTimeOffset From = new(2026, 2, 28, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = new(2026, 3, 31, 15, 0, 0, TimeSpan.Zero);

    private static readonly TestStaff Accountant = TestStaff.Member("kaikei-1", PaymentsPermissions.View);
    private static readonly TestStaff CitizenStaff = TestStaff.Member("shimin-2", ApplicationsPermissions.View, ApplicationsPermissions.Process);

    [Fact]
    public async Task A_month_lists_its_payments_refunds_and_discrepancies_by_receipt_number_with_totals_per_method_and_is_audited()
    {
        var (bed, scenario, paid, refunded) = await MarchAsync();

        var period = await scenario.AsAsync(Accountant, s => s.GetRequiredService<PaymentReconciliation>().ListAsync(From, Until, CancellationToken.None));

        Assert.Equal(
            [(paid.Id.ToString(), paid.ReceiptNumber, 710L, PaymentState.Paid), (refunded.Id.ToString(), refunded.ReceiptNumber, 1010L, PaymentState.Refunded)],
            period.Payments.Select(p => (p.Reference, p.Purpose?.Label, p.AmountYen, p.State)));
        Assert.Equal([("applications", paid.Id.ToString()), ("applications", refunded.Id.ToString())], period.Payments.Select(p => (p.Purpose!.Module, p.Purpose.ItemId)));
        var refund = Assert.Single(period.Refunds);
        Assert.Equal((refunded.ReceiptNumber, PaymentRefundStatus.Succeeded, "re_march"), (refund.Purpose?.Label, refund.Status, refund.GatewayRefundId));

        Assert.Equal(2, period.Discrepancies.Count);
        var doubled = Assert.Single(period.DiscrepanciesOf(paid.Id.ToString()));
        Assert.Equal((710L, 1420L, true), (doubled.ExpectedAmountYen, doubled.ReportedAmountYen, doubled.AmountsDiffer));
        var unknown = Assert.Single(period.Discrepancies, d => d.Reference == "not-ours");
        Assert.Null(unknown.Purpose);

        Assert.Equal([new PaymentMethodTotals("sandbox", 2, 1720, 1, 1010, 0, 1), new PaymentMethodTotals("stripe", 0, 0, 0, 0, 0, 1)], period.Totals);
        Assert.Equal((1720L, 1010L), (period.PaidYen, period.RefundedYen));

        var audited = await AuditedAsync(bed, "payments.reconciliation.viewed");
        Assert.Equal(("kaikei-1", false), (audited.ActorUserId, audited.TouchesPersonalData));
        Assert.Contains("支払い 2 件、返金 1 件、不一致 2 件", audited.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_writes_a_row_per_payment_refund_and_discrepancy_in_UTF8_with_BOM_or_Shift_JIS_and_is_audited()
    {
        var (bed, scenario, paid, refunded) = await MarchAsync();

        var utf8 = await ExportAsync(scenario, CsvEncoding.Utf8);
        var shiftJis = await ExportAsync(scenario, CsvEncoding.ShiftJis);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, utf8[..3]);
        var lines = CsvFormat.Encoding.GetString(utf8[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("種別,日時(日本時間),決済サービス,参照番号,受付番号,金額(円),状態,決済サービスの番号,不一致の内容", lines[0]);
        Assert.Equal(
            $"支払い,2026-03-10 12:00:00,sandbox,{paid.Id},{paid.ReceiptNumber},710,支払い済み,pi_paid,支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。返金が必要です。",
            lines[1]);
        Assert.Equal($"支払い,2026-03-20 09:00:00,sandbox,{refunded.Id},{refunded.ReceiptNumber},1010,返金済み,pi_refunded,", lines[2]);
        Assert.Equal($"返金,2026-03-21 09:00:00,sandbox,{refunded.Id},{refunded.ReceiptNumber},1010,返金済み,re_march,", lines[3]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("不一致,", lines[5], StringComparison.Ordinal);
        Assert.EndsWith("参照番号に当たる支払いがありません。（記録 0 円、通知 500 円）", lines[5], StringComparison.Ordinal);

        Assert.Equal(string.Join("\r\n", lines), CsvEncodings.For(CsvEncoding.ShiftJis).GetString(shiftJis).TrimEnd('\r', '\n'));

        var audited = await AuditedAsync(bed, "payments.reconciliation.exported");
        Assert.Contains("Shift_JIS", audited.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_payments_permission_are_refused_and_nothing_is_audited()
    {
        var (bed, scenario, _, _) = await MarchAsync();
        var auditedBefore = await ReconciliationAuditsAsync(bed);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scenario.AsAsync(CitizenStaff, s => s.GetRequiredService<PaymentReconciliation>().ListAsync(From, Until, CancellationToken.None)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scenario.AsAsync(CitizenStaff, s => s.GetRequiredService<PaymentReconciliation>().ExportAsync(From, Until, CsvEncoding.Utf8, CancellationToken.None)));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() =>
            scenario.AsAsync(Accountant, s => s.GetRequiredService<PaymentReconciliation>().ListAsync(From, From.AddDays(367), CancellationToken.None)));
        Assert.StartsWith("期間は 1 日以上、366 日以内で指定してください。", tooLong.Message, StringComparison.Ordinal);

        Assert.Equal(auditedBefore, await ReconciliationAuditsAsync(bed));
    }

    /// <summary>
    /// Hirakawa's staging with no payments but these: two paid applications in March 2026 (one
    /// refunded, one paid a second time), one paid in April, and a gateway's event about a reference nobody knows.
    /// </summary>
    private async Task<(LineTestBed Bed, ProcessingScenario Scenario, ResidentApplication Paid, ResidentApplication Refunded)> MarchAsync()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ProcessingScenario(fixture, bed);
        await bed.InTenantAsync(ProcessingScenario.Channel, async (db, _) =>
        {
            db.RemoveRange(await db.Set<PaymentDiscrepancy>().ToListAsync());
            db.RemoveRange(await db.Set<Payment>().ToListAsync());
            await db.SaveChangesAsync();
            return true;
        });
        var paid = await scenario.ReceivedAsync("Upaid");
        var refunded = await scenario.ReceivedAsync("Urefunded");
        var april = await scenario.ReceivedAsync("Uapril");
        await bed.InTenantAsync(ProcessingScenario.Channel, async (db, _) =>
        {
            var first = Paid(paid, 710, "pi_paid", new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero));
            var second = Paid(refunded, 1010, "pi_refunded", new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));
            second.RefundRequested();
            var refund = PaymentRefundRecord.For(second, "却下", new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero));
            refund.Completed(succeeded: true, "re_march", new DateTimeOffset(2026, 3, 21, 0, 5, 0, TimeSpan.Zero));
            second.MarkRefunded(new DateTimeOffset(2026, 3, 21, 0, 5, 0, TimeSpan.Zero));
            db.AddRange(first, second, refund, Paid(april, 710, "pi_april", Until.AddHours(1)));
            db.Add(PaymentDiscrepancy.Of("sandbox", "evt_double", paid.Id.ToString(), 710, 1420,
                "支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。返金が必要です。", new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero)));
            db.Add(PaymentDiscrepancy.Of("stripe", "evt_unknown", "not-ours", 0, 500, "参照番号に当たる支払いがありません。", new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
            return true;
        });
        return (bed, scenario, paid, refunded);
    }

    private static Payment Paid(ResidentApplication application, long amountYen, string gatewayPaymentId, DateTimeOffset at)
    {
        var payment = Payment.Open(application.Id.ToString(), "sandbox", amountYen, at.AddMinutes(-5));
        payment.MarkPaid(gatewayPaymentId, $"cs_{gatewayPaymentId}", at);
        return payment;
    }

    private static Task<byte[]> ExportAsync(ProcessingScenario scenario, CsvEncoding encoding) => scenario.AsAsync(Accountant, async s =>
    {
        var export = await s.GetRequiredService<PaymentReconciliation>().ExportAsync(From, Until, encoding, CancellationToken.None);
        using var output = new MemoryStream();
        await export.WriteAsync(output, CancellationToken.None);
        return output.ToArray();
    });

    private static Task<int> ReconciliationAuditsAsync(LineTestBed bed) => bed.InTenantAsync(ProcessingScenario.Channel, (db, _) =>
        db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action.StartsWith("payments.reconciliation.")));

    private static Task<(string ActorUserId, bool TouchesPersonalData, string Summary)> AuditedAsync(LineTestBed bed, string action) =>
        bed.InTenantAsync(ProcessingScenario.Channel, async (db, _) =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync();
            return (entry.ActorUserId, entry.TouchesPersonalData, entry.Summary ?? "");
        });
}

public sealed class SqlitePaymentReconciliationTests(SqliteProcessingBed fixture) : PaymentReconciliationTests(fixture), IClassFixture<SqliteProcessingBed>;

public sealed class PostgresPaymentReconciliationTests(PostgresProcessingBed fixture) : PaymentReconciliationTests(fixture), IClassFixture<PostgresProcessingBed>;
