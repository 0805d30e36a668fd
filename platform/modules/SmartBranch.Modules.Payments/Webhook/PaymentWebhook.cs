using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Modules.Payments.Features.Checkout;
using SmartBranch.Payments;

namespace SmartBranch.Modules.Payments.Webhook;

public enum PaymentWebhookOutcome
{
    Applied,

    /// <summary>An event id already handled (a replay or a redelivery), or one we do not act on.</summary>
    Ignored,

    /// <summary>The signature was missing or wrong, or the event too old.</summary>
    Rejected,

    /// <summary>The event does not match our record (amount, reference): kept as a discrepancy, never applied.</summary>
    Mismatch,

    NoGateway,
}

/// <summary>
/// A gateway's event for the current tenant environment: verified by the gateway, applied once per event id (the handled
/// id is saved with the change), and checked against our record first: an amount or reference that does not match is
/// refused and kept as a <see cref="PaymentDiscrepancy"/>, which alerts operators; nothing is marked paid.
/// </summary>
internal sealed partial class PaymentWebhook(
    SmartBranchDbContext db, IPaymentGateways gateways, ICurrentTenant currentTenant, PaymentOutcomes outcomes, TimeProvider clock, ILogger<PaymentWebhook> logger)
{
    private const int SavingAttempts = 3;

    /// <param name="header">Reads a request header by name.</param>
    public async Task<PaymentWebhookOutcome> HandleAsync(string payload, Func<string, string?> header, CancellationToken ct)
    {
        var tenant = currentTenant.Required;
        IPaymentGateway gateway;
        try
        {
            gateway = gateways.For(tenant.TenantSlug, tenant.EnvironmentName);
        }
        catch (PaymentGatewayException)
        {
            return PaymentWebhookOutcome.NoGateway;
        }

        PaymentGatewayEvent gatewayEvent;
        try
        {
            gatewayEvent = gateway.ReadWebhook(payload, header(gateway.SignatureHeader));
        }
        catch (PaymentWebhookRejectedException e)
        {
            LogRejected(logger, gateway.Name, tenant.ToString(), e.Message);
            return PaymentWebhookOutcome.Rejected;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await ApplyAsync(gateway.Name, gatewayEvent, ct);
                LogHandled(logger, gateway.Name, gatewayEvent.Kind, gatewayEvent.EventId, outcome);
                return outcome;
            }
            catch (DbUpdateConcurrencyException) when (attempt < SavingAttempts)
            {
                // The payment changed meanwhile (the payer's own request, another event): apply to what is saved now.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // The same event delivered twice at once met on its unique id: the other delivery applied it.
                db.ChangeTracker.Clear();
                return PaymentWebhookOutcome.Ignored;
            }
        }
    }

    private async Task<PaymentWebhookOutcome> ApplyAsync(string gateway, PaymentGatewayEvent gatewayEvent, CancellationToken ct)
    {
        if (gatewayEvent.Kind == PaymentEventKind.Other
            || await db.Set<PaymentWebhookEvent>().AnyAsync(e => e.Gateway == gateway && e.EventId == gatewayEvent.EventId, ct))
        {
            return PaymentWebhookOutcome.Ignored;
        }

        var now = clock.GetUtcNow();
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Reference == gatewayEvent.Reference, ct);
        if (Mismatch(gateway, gatewayEvent, payment) is { } mismatch)
        {
            await RecordDiscrepancyAsync(gateway, gatewayEvent, payment, mismatch, now, ct);
            return PaymentWebhookOutcome.Mismatch;
        }

        db.Add(PaymentWebhookEvent.Handled(gateway, gatewayEvent.EventId, gatewayEvent.Kind.ToString(), gatewayEvent.Reference, now));
        switch (gatewayEvent.Kind)
        {
            case PaymentEventKind.CheckoutCompleted when payment!.State is PaymentState.Open or PaymentState.Expired:
                outcomes.Paid(payment, gatewayEvent.PaymentId ?? "", gatewayEvent.CheckoutId ?? "", gatewayEvent.OccurredAt);
                break;
            case PaymentEventKind.CheckoutCompleted when payment!.GatewayPaymentId != gatewayEvent.PaymentId:
                // Paid once more through an older checkout: the money came twice and must go back by hand.
                db.Add(PaymentDiscrepancy.Of(gateway, gatewayEvent.EventId, gatewayEvent.Reference, payment.AmountYen, gatewayEvent.AmountYen,
                    "支払い済みの参照番号に、別の支払いが届きました（二重の支払い）。返金が必要です。", now));
                break;
            case PaymentEventKind.CheckoutExpired:
                outcomes.Expired(payment!, gatewayEvent.CheckoutId, gatewayEvent.OccurredAt);
                break;
            case PaymentEventKind.RefundSucceeded or PaymentEventKind.RefundFailed:
                var refund = await RefundOfAsync(payment!, gatewayEvent.RefundId, ct);
                if (refund is null)
                {
                    db.Add(PaymentDiscrepancy.Of(gateway, gatewayEvent.EventId, gatewayEvent.Reference, payment!.AmountYen, gatewayEvent.AmountYen,
                        "依頼していない返金の通知が届きました（決済サービスの管理画面での返金など）。", now));
                    break;
                }

                if (refund.Status == PaymentRefundStatus.Requested)
                {
                    outcomes.Refunded(payment!, refund, gatewayEvent.Kind == PaymentEventKind.RefundSucceeded, gatewayEvent.RefundId, gatewayEvent.OccurredAt);
                }

                break;
        }

        await db.SaveChangesAsync(ct);
        return PaymentWebhookOutcome.Applied;
    }

    private static string? Mismatch(string gateway, PaymentGatewayEvent gatewayEvent, Payment? payment) => payment switch
    {
        null => "参照番号に当たる支払いがありません。",
        _ when payment.Gateway != gateway => $"支払いは {payment.Gateway} で始めたものですが、{gateway} から通知が届きました。",
        _ when gatewayEvent.Kind != PaymentEventKind.CheckoutExpired && gatewayEvent.AmountYen != payment.AmountYen =>
            $"金額が合いません（記録 {payment.AmountYen} 円、通知 {gatewayEvent.AmountYen} 円）。",
        _ => null,
    };

    private async Task<PaymentRefundRecord?> RefundOfAsync(Payment payment, string? gatewayRefundId, CancellationToken ct)
    {
        var refunds = await db.Set<PaymentRefundRecord>().Where(r => r.PaymentId == payment.Id).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);
        // The refund's id is unknown until the gateway answers, and its event may arrive first.
        return refunds.FirstOrDefault(r => r.GatewayRefundId == gatewayRefundId) ?? refunds.FirstOrDefault(r => r.GatewayRefundId is null);
    }

    private async Task RecordDiscrepancyAsync(
        string gateway, PaymentGatewayEvent gatewayEvent, Payment? payment, string detail, DateTimeOffset now, CancellationToken ct)
    {
        // A refused event is redelivered by the gateway; it is one discrepancy however often it comes.
        if (!await db.Set<PaymentDiscrepancy>().AnyAsync(d => d.Gateway == gateway && d.EventId == gatewayEvent.EventId, ct))
        {
            db.Add(PaymentDiscrepancy.Of(gateway, gatewayEvent.EventId, gatewayEvent.Reference, payment?.AmountYen ?? 0, gatewayEvent.AmountYen, detail, now));
            await db.SaveChangesAsync(ct);
        }

        LogMismatch(logger, gateway, gatewayEvent.Kind, gatewayEvent.EventId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Gateway} payment webhook for {Tenant}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string gateway, string tenant, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Gateway} payment event {Kind} {EventId}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string gateway, PaymentEventKind kind, string eventId, PaymentWebhookOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Gateway} payment event {Kind} {EventId} does not match our record; refused and kept as a discrepancy")]
    private static partial void LogMismatch(ILogger logger, string gateway, PaymentEventKind kind, string eventId);
}
