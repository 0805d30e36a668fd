using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Modules.Payments.Contracts;

/// <summary>The reference's payment was taken (the gateway confirmed it and the amount matched).</summary>
public sealed record PaymentCompletedIntegrationEvent(string Reference, long AmountYen, string Gateway) : IntegrationEvent;

/// <summary>The reference's payment was refunded in full.</summary>
public sealed record PaymentRefundedIntegrationEvent(string Reference, long AmountYen) : IntegrationEvent;

/// <summary>The reference's checkout expired unpaid; a new one may be started.</summary>
public sealed record PaymentExpiredIntegrationEvent(string Reference) : IntegrationEvent;
