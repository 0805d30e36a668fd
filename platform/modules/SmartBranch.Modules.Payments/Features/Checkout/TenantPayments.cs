using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Payments;

namespace SmartBranch.Modules.Payments.Features.Checkout;

/// <summary>
/// <see cref="IPayments"/> in the current tenant environment. The reference's row is unique and versioned, and each
/// checkout attempt has one idempotency key at the gateway, so presses at the same moment meet on one row and one
/// checkout: the loser of a write starts again from what the winner saved.
/// </summary>
internal sealed class TenantPayments(
    SmartBranchDbContext db, IPaymentGateways gateways, ICurrentTenant currentTenant, PaymentOutcomes outcomes, TimeProvider clock) : IPayments
{
    public const int MaxLineNameLength = 200;
    public const long MaxTotalYen = 10_000_000;

    private const int SavingAttempts = 5;

    public async Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct)
    {
        Validate(order);
        var gateway = CurrentGateway();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(order, gateway, ct);
            }
            catch (DbUpdateException) when (attempt < SavingAttempts)
            {
                // Another press created or changed the payment at the same moment: start again from what it saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct) =>
        (await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, ct))?.ToSummary();

    public async Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > PaymentRefundRecord.MaxReasonLength)
        {
            throw new ArgumentException($"返金の理由を {PaymentRefundRecord.MaxReasonLength} 文字以内で入力してください。", nameof(reason));
        }

        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Reference == reference, ct)
            ?? throw new KeyNotFoundException("このお支払いは見つかりません。");
        if (payment.State is not (PaymentState.Paid or PaymentState.RefundFailed))
        {
            // Nothing was paid, or the refund is already requested or done.
            return payment.ToSummary();
        }

        var gateway = CurrentGateway();
        if (gateway.Name != payment.Gateway)
        {
            throw new PaymentUnavailableException($"支払いに使われた決済サービス（{payment.Gateway}）が今は設定されていないため、返金できません。");
        }

        var refund = PaymentRefundRecord.For(payment, reason.Trim(), clock.GetUtcNow());
        db.Add(refund);
        payment.RefundRequested();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another refund of the same payment won the moment: it is the one.
            return await ReloadedSummaryAsync(reference, ct);
        }

        PaymentRefund answer;
        try
        {
            answer = await gateway.RefundAsync(new PaymentRefundRequest(refund.IdempotencyKey, payment.GatewayPaymentId ?? "", payment.AmountYen, reference), ct);
        }
        catch (PaymentGatewayException e)
        {
            outcomes.Refunded(payment, refund, succeeded: false, gatewayRefundId: null, clock.GetUtcNow());
            await SaveUnlessChangedAsync(ct);
            throw new PaymentUnavailableException(e.Message, e);
        }

        refund.Accepted(answer.RefundId);
        if (answer.State != PaymentRefundState.Pending)
        {
            outcomes.Refunded(payment, refund, answer.State == PaymentRefundState.Succeeded, answer.RefundId, clock.GetUtcNow());
        }

        return await SaveUnlessChangedAsync(ct) ? payment.ToSummary() : await ReloadedSummaryAsync(reference, ct);
    }

    private async Task<PaymentStart> TryStartAsync(PaymentOrder order, IPaymentGateway gateway, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var total = order.TotalYen;
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Reference == order.Reference, ct);
        if (payment is null)
        {
            payment = Payment.Open(order.Reference, gateway.Name, total, now);
            db.Add(payment);
            await db.SaveChangesAsync(ct);
        }
        else if (payment.State is not (PaymentState.Open or PaymentState.Expired))
        {
            throw new InvalidOperationException("このお支払いはすでに済んでいます。");
        }
        else if (payment.HasUsableCheckout(now) && payment.AmountYen == total && payment.Gateway == gateway.Name)
        {
            return new PaymentStart(new Uri(payment.CheckoutUrl!), payment.ToSummary());
        }
        else if (payment.CheckoutId is not null || payment.State == PaymentState.Expired || payment.AmountYen != total || payment.Gateway != gateway.Name)
        {
            if (payment.CheckoutExpiresAt <= now)
            {
                outcomes.Expired(payment, payment.CheckoutId, now);
            }

            payment.Reopen(gateway.Name, total);
            await db.SaveChangesAsync(ct);
        }

        var lines = order.Lines.Select(l => new PaymentLineItem(l.Name, l.UnitAmountYen, l.Quantity)).ToList();
        PaymentCheckout checkout;
        try
        {
            checkout = await gateway.StartCheckoutAsync(
                new PaymentCheckoutRequest(payment.IdempotencyKey, payment.Reference, lines, gateway.Methods, order.SuccessUrl, order.CancelUrl), ct);
        }
        catch (PaymentGatewayException e)
        {
            throw new PaymentUnavailableException(e.Message, e);
        }

        payment.CheckoutOpened(checkout.CheckoutId, checkout.PaymentUrl, checkout.ExpiresAt);
        await db.SaveChangesAsync(ct);
        return new PaymentStart(checkout.PaymentUrl, payment.ToSummary());
    }

    private IPaymentGateway CurrentGateway()
    {
        var tenant = currentTenant.Required;
        try
        {
            return gateways.For(tenant.TenantSlug, tenant.EnvironmentName);
        }
        catch (PaymentGatewayException e)
        {
            throw new PaymentUnavailableException(e.Message, e);
        }
    }

    /// <returns>False when the webhook changed the payment first; what it saved stands.</returns>
    private async Task<bool> SaveUnlessChangedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<PaymentSummary> ReloadedSummaryAsync(string reference, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(reference, ct) ?? throw new KeyNotFoundException("このお支払いは見つかりません。");
    }

    /// <exception cref="ArgumentException">The order is not one a resident can pay; the message is Japanese.</exception>
    private static void Validate(PaymentOrder order)
    {
        if (string.IsNullOrWhiteSpace(order.Reference) || order.Reference.Length > Payment.MaxReferenceLength)
        {
            throw new ArgumentException($"お支払いの参照番号は {Payment.MaxReferenceLength} 文字以内で指定してください。", nameof(order));
        }

        if (order.Lines.Count == 0)
        {
            throw new ArgumentException("お支払いの内容がありません。", nameof(order));
        }

        if (order.Lines.Any(l => string.IsNullOrWhiteSpace(l.Name) || l.Name.Length > MaxLineNameLength || l.UnitAmountYen < 1 || l.Quantity < 1))
        {
            throw new ArgumentException($"お支払いの各項目には、{MaxLineNameLength} 文字以内の名前と 1 円以上の金額、1 以上の数量が必要です。", nameof(order));
        }

        if (order.Lines.Sum(l => (decimal)l.UnitAmountYen * l.Quantity) > MaxTotalYen)
        {
            throw new ArgumentException($"お支払いの合計は {MaxTotalYen:N0} 円までです。", nameof(order));
        }

        if (!order.SuccessUrl.IsAbsoluteUri || !order.CancelUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("お支払いの後に戻る URL は絶対 URL で指定してください。", nameof(order));
        }
    }
}
