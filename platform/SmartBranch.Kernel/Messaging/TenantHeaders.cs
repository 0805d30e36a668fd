namespace SmartBranch.Kernel.Messaging;

/// <summary>Bus headers that carry the tenant environment a message belongs to.</summary>
internal static class TenantHeaders
{
    public const string Tenant = "SmartBranch-Tenant";
    public const string Environment = "SmartBranch-Environment";
}
