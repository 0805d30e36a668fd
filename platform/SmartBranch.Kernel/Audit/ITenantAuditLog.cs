namespace SmartBranch.Kernel.Audit;

/// <summary>
/// For services outside the kernel that act on a tenant from outside it (the operators' console, a
/// command): the entry goes to that tenant's chain, where its admins see what the vendor did.
/// </summary>
public interface ITenantAuditLog
{
    Task RecordForTenantAsync(string tenantSlug, AuditRecord record, CancellationToken cancellationToken);
}
