using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Persistence;

/// <summary>
/// The one database context, composed from module contributions, so that a change and its outbox
/// entry commit in one transaction on SQLite and PostgreSQL alike. Each provider has a subclass in
/// the server that owns that provider's migrations.
/// </summary>
public abstract class SmartBranchDbContext : DbContext, IDataProtectionKeyContext
{
    private readonly ICurrentTenant _currentTenant;
    private readonly IEnumerable<IModelContribution> _contributions;

    protected SmartBranchDbContext(DbContextOptions options, ICurrentTenant currentTenant, IEnumerable<IModelContribution> contributions)
        : base(options)
    {
        _currentTenant = currentTenant;
        _contributions = contributions;
    }

    // Read by the query filters: EF parameterises members of the context, so the filter is
    // compiled once and evaluated against the current scope's tenant on every query.
    internal string? CurrentTenantSlug => _currentTenant.Context?.TenantSlug;

    internal string? CurrentEnvironmentName => _currentTenant.Context?.EnvironmentName;

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    internal DbSet<LineWebhookEventRecord> LineWebhookEvents => Set<LineWebhookEventRecord>();

    internal DbSet<TenantRecord> TenantRecords => Set<TenantRecord>();

    internal DbSet<TenantLineChannelRecord> TenantLineChannels => Set<TenantLineChannelRecord>();

    internal DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    internal DbSet<RolePermissionOverride> RolePermissionOverrides => Set<RolePermissionOverride>();

    internal DbSet<PersonalDataAccessGrantRecord> PersonalDataAccessGrants => Set<PersonalDataAccessGrantRecord>();

    internal DbSet<LineApiFailureRecord> LineApiFailures => Set<LineApiFailureRecord>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every process (it encrypts LINE channel secrets).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SmartBranchDbContext).Assembly);
        foreach (var contribution in _contributions)
        {
            contribution.Configure(modelBuilder);
        }

        ApplyTenantFilters(modelBuilder);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenantOwnedRows();
        await using (await BeginWriteAsync(cancellationToken))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenantOwnedRows();
        using (BeginWrite())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
    }

    /// <summary>
    /// Holds the provider's write turn, if it has one, around a write that bypasses SaveChanges
    /// (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>). Dispose to give the turn back.
    /// </summary>
    public virtual ValueTask<IAsyncDisposable> BeginWriteAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(NoWriteTurn.Instance);

    /// <summary>The synchronous form of <see cref="BeginWriteAsync"/>.</summary>
    protected virtual IDisposable BeginWrite() => NoWriteTurn.Instance;

    private sealed class NoWriteTurn : IAsyncDisposable, IDisposable
    {
        public static readonly NoWriteTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose()
        {
        }
    }

    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var context = Expression.Constant(this);
            var body = Expression.AndAlso(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantSlug)),
                    Expression.Property(context, nameof(CurrentTenantSlug))),
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.EnvironmentName)),
                    Expression.Property(context, nameof(CurrentEnvironmentName))));
            entityType.SetQueryFilter(Expression.Lambda(body, row));
        }
    }

    private void StampTenantOwnedRows()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var tenant = _currentTenant.Context
                ?? throw new InvalidOperationException($"{entry.Entity.GetType().Name} is tenant-owned; write it inside a tenant scope.");

            if (entry.State == EntityState.Added && string.IsNullOrEmpty(entry.Entity.TenantSlug))
            {
                entry.Entity.TenantSlug = tenant.TenantSlug;
                entry.Entity.EnvironmentName = tenant.EnvironmentName;
            }
            else if (entry.Entity.TenantSlug != tenant.TenantSlug || entry.Entity.EnvironmentName != tenant.EnvironmentName)
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} of {entry.Entity.TenantSlug}/{entry.Entity.EnvironmentName} cannot be written from {tenant}.");
            }
        }
    }
}
