using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Audit;

/// <summary>
/// Fills in who, where and when from the current scope and appends through
/// <see cref="AuditChainAppender"/>. The actor is the signed-in <see cref="ICurrentStaff"/> when the
/// host registers one and someone is signed in; otherwise the system itself.
/// </summary>
internal sealed class AuditLog(
    IServiceProvider services,
    ICurrentTenant currentTenant,
    IHttpContextAccessor httpContextAccessor,
    AuditChainAppender appender,
    TimeProvider clock) : IAuditLog, ITenantAuditLog
{
    public const string SystemUserId = "system";
    public const string SystemDisplayName = "システム";

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken) =>
        AppendAsync(currentTenant.Tenant?.Slug, currentTenant.Context?.EnvironmentName, record, cancellationToken);

    /// <inheritdoc />
    public Task RecordForTenantAsync(string tenantSlug, AuditRecord record, CancellationToken cancellationToken)
    {
        var environment = currentTenant.Context?.TenantSlug == tenantSlug ? currentTenant.Context.EnvironmentName : null;
        return AppendAsync(tenantSlug, environment, record, cancellationToken);
    }

    private Task AppendAsync(string? tenantSlug, string? environmentName, AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        var (kind, userId, displayName) = Actor();
        var occurredAt = AuditEntryHash.ToStoredPrecision(clock.GetUtcNow());
        return appender.AppendAsync(
            () => new AuditEntry
            {
                Chain = AuditChains.For(tenantSlug),
                TenantSlug = tenantSlug,
                EnvironmentName = environmentName,
                OccurredAt = occurredAt,
                ActorKind = kind,
                ActorUserId = userId,
                ActorDisplayName = displayName,
                Action = record.Action,
                TargetType = record.TargetType,
                TargetId = record.TargetId,
                Summary = record.Summary,
                TouchesPersonalData = record.TouchesPersonalData,
                ClientIp = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            },
            cancellationToken);
    }

    private (AuditActorKind Kind, string UserId, string DisplayName) Actor()
    {
        var staff = services.GetService<ICurrentStaff>();
        if (staff?.UserId is not { } userId)
        {
            return (AuditActorKind.System, SystemUserId, SystemDisplayName);
        }

        return (staff.IsOperator ? AuditActorKind.Operator : AuditActorKind.Staff, userId, staff.DisplayName ?? userId);
    }
}
