using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Payments.Domain;

/// <summary>
/// The one payment of a reference in a tenant environment (unique), through its checkouts: each attempt opens one
/// checkout at the gateway under the idempotency key of <see cref="Attempt"/>, so two presses at once open one; an
/// expired checkout is followed by the next attempt. Every change moves <see cref="Version"/>, so two writers never
/// both win.
/// </summary>
public sealed class Payment : ITenantOwned
{
    public const int MaxReferenceLength = 100;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Reference { get; private init; } = "";

    /// <summary>The gateway of the current checkout (<c>stripe</c>, <c>sandbox</c>).</summary>
    public string Gateway { get; private set; } = "";

    public long AmountYen { get; private set; }
    public PaymentState State { get; private set; }
    public int Attempt { get; private set; }
    public string? CheckoutId { get; private set; }
    public string? CheckoutUrl { get; private set; }
    public DateTimeOffset? CheckoutExpiresAt { get; private set; }

    /// <summary>The gateway's payment (Stripe: the PaymentIntent), once paid.</summary>
    public string? GatewayPaymentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static Payment Open(string reference, string gateway, long amountYen, DateTimeOffset now) => new()
    {
        Reference = reference,
        Gateway = gateway,
        AmountYen = amountYen,
        State = PaymentState.Open,
        Attempt = 1,
        CreatedAt = now,
    };

    public string IdempotencyKey => $"{TenantSlug}/{EnvironmentName}/{Reference}/checkout/{Attempt}";

    /// <summary>Whether the open checkout can still be paid; past its expiry the gateway's expired event may not have arrived yet.</summary>
    public bool HasUsableCheckout(DateTimeOffset now) =>
        State == PaymentState.Open && CheckoutUrl is not null && CheckoutExpiresAt > now;

    public PaymentSummary ToSummary() => new(Reference, Gateway, AmountYen, State, PaidAt, RefundedAt);

    /// <summary>Starts the next attempt, after an expired checkout or for a changed amount or gateway.</summary>
    public void Reopen(string gateway, long amountYen)
    {
        Gateway = gateway;
        AmountYen = amountYen;
        State = PaymentState.Open;
        Attempt++;
        CheckoutId = null;
        CheckoutUrl = null;
        CheckoutExpiresAt = null;
        Touch();
    }

    public void CheckoutOpened(string checkoutId, Uri url, DateTimeOffset expiresAt)
    {
        CheckoutId = checkoutId;
        CheckoutUrl = url.AbsoluteUri;
        CheckoutExpiresAt = expiresAt;
        Touch();
    }

    /// <returns>False when already paid (a replayed or late event changes nothing).</returns>
    public bool MarkPaid(string gatewayPaymentId, string checkoutId, DateTimeOffset at)
    {
        if (State != PaymentState.Open && State != PaymentState.Expired)
        {
            return false;
        }

        State = PaymentState.Paid;
        GatewayPaymentId = gatewayPaymentId;
        CheckoutId = checkoutId;
        PaidAt = at;
        Touch();
        return true;
    }

    /// <returns>False unless the checkout that expired is the one still open.</returns>
    public bool MarkExpired(string? checkoutId, DateTimeOffset at)
    {
        if (State != PaymentState.Open || (checkoutId is not null && checkoutId != CheckoutId))
        {
            return false;
        }

        State = PaymentState.Expired;
        ExpiredAt = at;
        Touch();
        return true;
    }

    public void RefundRequested()
    {
        State = PaymentState.RefundPending;
        Touch();
    }

    /// <returns>False when already refunded.</returns>
    public bool MarkRefunded(DateTimeOffset at)
    {
        if (State == PaymentState.Refunded)
        {
            return false;
        }

        State = PaymentState.Refunded;
        RefundedAt = at;
        Touch();
        return true;
    }

    public void MarkRefundFailed()
    {
        State = PaymentState.RefundFailed;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
