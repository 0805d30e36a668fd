using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Features.Reconciliation;

/// <summary>
/// The payments paid, the refunds requested and the discrepancies detected in a period of the current tenant
/// environment, with the gateway's ids and what each payment was for (<see cref="IPaymentReferenceLabels"/>), to compare
/// with the gateway's own report; on screen or as CSV. Staff with <see cref="PaymentsPermissions.View"/>; every reading
/// and export is audited. Nothing personal is read: payments carry references and amounts only.
/// </summary>
public sealed class PaymentReconciliation(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit, IEnumerable<IPaymentReferenceLabels> labels)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <param name="from">The period's start (inclusive), UTC.</param>
    /// <param name="until">Its end (exclusive), UTC.</param>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PaymentsPermissions.View"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="MaxPeriod"/>.</exception>
    public async Task<PaymentPeriod> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var period = await ReadAsync(from, until, cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("payments.reconciliation.viewed", "payment", null,
                $"オンライン決済の照合データを表示（{Describe(period)}）"),
            cancellationToken);
        return period;
    }

    /// <summary>The period as CSV, a row per payment, refund and discrepancy; the export is audited before it is written.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PaymentsPermissions.View"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="MaxPeriod"/>.</exception>
    public async Task<CsvExport> ExportAsync(DateTimeOffset from, DateTimeOffset until, CsvEncoding encoding, CancellationToken cancellationToken)
    {
        var period = await ReadAsync(from, until, cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("payments.reconciliation.exported", "payment", null,
                $"オンライン決済の照合データを CSV（{(encoding == CsvEncoding.ShiftJis ? "Shift_JIS" : "UTF-8")}）で書き出しました（{Describe(period)}）。"),
            cancellationToken);
        return new CsvExport(encoding, (output, token) =>
            CsvRowsWriter.WriteAsync(PaymentReconciliationCsv.Rows(period).ToAsyncEnumerable(), PaymentReconciliationCsv.Header, row => row, encoding, output, token));
    }

    private async Task<PaymentPeriod> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (staff.UserId is null || !staff.HasPermission(PaymentsPermissions.View))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{PaymentsPermissions.View}」が必要です。");
        }

        if (until <= from || until - from > MaxPeriod)
        {
            throw new ArgumentException("期間は 1 日以上、366 日以内で指定してください。", nameof(until));
        }

        var payments = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.PaidAt >= from && p.PaidAt < until)
            .OrderBy(p => p.PaidAt).ThenBy(p => p.Id)
            .Select(p => new ReconciledPayment(p.Reference, p.Gateway, p.AmountYen, p.State, p.CheckoutId, p.GatewayPaymentId, p.CreatedAt, p.PaidAt, p.RefundedAt))
            .ToListAsync(cancellationToken);
        var refunds = await db.Set<PaymentRefundRecord>().AsNoTracking()
            .Where(r => r.RequestedAt >= from && r.RequestedAt < until)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new ReconciledRefund(r.Reference, r.Gateway, r.AmountYen, r.Status, r.GatewayRefundId, r.RequestedAt, r.CompletedAt))
            .ToListAsync(cancellationToken);
        var discrepancies = await db.Set<PaymentDiscrepancy>().AsNoTracking()
            .Where(d => d.DetectedAt >= from && d.DetectedAt < until)
            .OrderBy(d => d.DetectedAt).ThenBy(d => d.Id)
            .Select(d => new ReconciledDiscrepancy(d.Reference, d.Gateway, d.EventId, d.ExpectedAmountYen, d.ReportedAmountYen, d.Detail, d.DetectedAt))
            .ToListAsync(cancellationToken);

        var purposes = await PurposesAsync(
            payments.Select(p => p.Reference).Concat(refunds.Select(r => r.Reference)).Concat(discrepancies.Select(d => d.Reference)).ToHashSet(StringComparer.Ordinal),
            cancellationToken);
        return new PaymentPeriod(
            from,
            until,
            [.. payments.Select(p => p with { Purpose = purposes.GetValueOrDefault(p.Reference) })],
            [.. refunds.Select(r => r with { Purpose = purposes.GetValueOrDefault(r.Reference) })],
            [.. discrepancies.Select(d => d with { Purpose = purposes.GetValueOrDefault(d.Reference) })]);
    }

    private async Task<Dictionary<string, PaymentPurpose>> PurposesAsync(HashSet<string> references, CancellationToken cancellationToken)
    {
        var purposes = new Dictionary<string, PaymentPurpose>(StringComparer.Ordinal);
        if (references.Count == 0)
        {
            return purposes;
        }

        foreach (var module in labels)
        {
            foreach (var (reference, label) in await module.LabelsAsync(references, cancellationToken))
            {
                purposes.TryAdd(reference, new PaymentPurpose(module.Module, label.Label, label.ItemId));
            }
        }

        return purposes;
    }

    private static string Describe(PaymentPeriod period) =>
        $"{JapanTime.Format(period.From)} から {JapanTime.Format(period.Until)} まで、支払い {period.Payments.Count} 件、返金 {period.Refunds.Count} 件、不一致 {period.Discrepancies.Count} 件";
}
