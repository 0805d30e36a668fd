using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Email;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Identity;

/// <summary>Every audit record, kept in order.</summary>
public sealed class CapturedAudit : IAuditLog
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyCollection<AuditRecord> Records => _records;

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        _records.Enqueue(record);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The server with Hirakawa's portal and API open to loopback only and the other city's to a
/// network the tests are not on, e-mail and audit captured.
/// </summary>
public abstract class IdentityTestBed : TestBedFixture
{
    public CapturedEmails Emails { get; } = new();

    public CapturedAudit Audit { get; } = new();

    protected abstract TestDatabaseKind Database { get; }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tenants:hirakawa:Security:AllowedNetworks"] = "127.0.0.0/8, ::1/128",
        ["Tenants:othercity:Security:AllowedNetworks:0"] = "10.0.0.0/8",
        ["Identity:RateLimiting:PerIpPermitLimit"] = "10000",
    };

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(
        Database,
        extraSettings: Settings,
        configureServices: services =>
        {
            services.AddSingleton<IStaffEmailSender>(Emails);
            services.AddSingleton<IAuditLog>(Audit);
        });
}

public sealed class SqliteIdentityTestBed : IdentityTestBed
{
    protected override TestDatabaseKind Database => TestDatabaseKind.Sqlite;
}

public sealed class PostgresIdentityTestBed : IdentityTestBed
{
    protected override TestDatabaseKind Database => TestDatabaseKind.Postgres;

    protected override void RequireServices() => TestServices.RequirePostgres();
}

/// <summary>Sign-in posts limited to three a minute per address.</summary>
public sealed class RateLimitedIdentityTestBed : IdentityTestBed
{
    protected override TestDatabaseKind Database => TestDatabaseKind.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:RateLimiting:PerIpPermitLimit"] = "3",
    };
}
