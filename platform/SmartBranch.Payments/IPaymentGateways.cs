namespace SmartBranch.Payments;

/// <summary>Each tenant environment's gateway (<c>Tenants:{slug}:{env}:Payments:*</c>); staging defaults to the sandbox.</summary>
public interface IPaymentGateways
{
    /// <exception cref="PaymentGatewayException">The environment has no gateway configured.</exception>
    IPaymentGateway For(string tenantSlug, string environmentName);
}
