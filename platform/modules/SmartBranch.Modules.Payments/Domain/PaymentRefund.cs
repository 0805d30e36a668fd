using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Payments.Domain;

public enum PaymentRefundStatus
{
    Requested,
    Succeeded,
    Failed,
}

/// <summary>A full refund of a paid <see cref="Payment"/>; one is requested at a time, the next only after one failed.</summary>
public sealed class PaymentRefundRecord : ITenantOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid PaymentId { get; private init; }
    public string Reference { get; private init; } = "";
    public string Gateway { get; private init; } = "";
    public long AmountYen { get; private init; }
    public string Reason { get; private init; } = "";
    public PaymentRefundStatus Status { get; private set; }

    /// <summary>The gateway's refund, once it answered.</summary>
    public string? GatewayRefundId { get; private set; }

    public DateTimeOffset RequestedAt { get; private init; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public string IdempotencyKey => $"{TenantSlug}/{EnvironmentName}/{Reference}/refund/{Id}";

    public static PaymentRefundRecord For(Payment payment, string reason, DateTimeOffset now) => new()
    {
        PaymentId = payment.Id,
        Reference = payment.Reference,
        Gateway = payment.Gateway,
        AmountYen = payment.AmountYen,
        Reason = reason,
        Status = PaymentRefundStatus.Requested,
        RequestedAt = now,
    };

    public void Accepted(string gatewayRefundId) => GatewayRefundId ??= gatewayRefundId;

    public void Completed(bool succeeded, string? gatewayRefundId, DateTimeOffset at)
    {
        Status = succeeded ? PaymentRefundStatus.Succeeded : PaymentRefundStatus.Failed;
        GatewayRefundId ??= gatewayRefundId;
        CompletedAt = at;
    }
}
