using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Features.Reconciliation;

/// <param name="GatewayPaymentId">The gateway's payment (Stripe: the PaymentIntent), to find it in the gateway's dashboard.</param>
public sealed record ReconciledPayment(
    string Reference, string Gateway, long AmountYen, PaymentState State, string? CheckoutId, string? GatewayPaymentId,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset? RefundedAt);

public sealed record ReconciledRefund(
    string Reference, string Gateway, long AmountYen, PaymentRefundStatus Status, string? GatewayRefundId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt);

public sealed record PaymentPeriod(IReadOnlyList<ReconciledPayment> Payments, IReadOnlyList<ReconciledRefund> Refunds)
{
    public long PaidYen => Payments.Where(p => p.PaidAt is not null).Sum(p => p.AmountYen);

    public long RefundedYen => Refunds.Where(r => r.Status == PaymentRefundStatus.Succeeded).Sum(r => r.AmountYen);
}

/// <summary>
/// The payments paid and the refunds requested in a period of the current tenant environment, with the gateway's ids,
/// to compare with the gateway's own report. Staff with <see cref="PaymentsPermissions.View"/>; every reading is audited.
/// </summary>
public sealed class PaymentReconciliation(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <param name="from">The period's start (inclusive), UTC.</param>
    /// <param name="until">Its end (exclusive), UTC.</param>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="PaymentsPermissions.View"/>.</exception>
    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="MaxPeriod"/>.</exception>
    public async Task<PaymentPeriod> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
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
            .OrderBy(p => p.PaidAt)
            .Select(p => new ReconciledPayment(p.Reference, p.Gateway, p.AmountYen, p.State, p.CheckoutId, p.GatewayPaymentId, p.CreatedAt, p.PaidAt, p.RefundedAt))
            .ToListAsync(cancellationToken);
        var refunds = await db.Set<PaymentRefundRecord>().AsNoTracking()
            .Where(r => r.RequestedAt >= from && r.RequestedAt < until)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new ReconciledRefund(r.Reference, r.Gateway, r.AmountYen, r.Status, r.GatewayRefundId, r.RequestedAt, r.CompletedAt))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("payments.reconciliation.viewed", "payment", null,
                $"オンライン決済の照合データを表示（{JapanTime.Format(from)} から {JapanTime.Format(until)} まで、支払い {payments.Count} 件、返金 {refunds.Count} 件）"),
            cancellationToken);
        return new PaymentPeriod(payments, refunds);
    }
}
