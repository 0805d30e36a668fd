using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.IntegrationTests.Modules.Applications.Processing;

/// <summary>Hirakawa's staging with the emulator as LINE, a staff member the test signs in, a clock the test moves, and payments faked.</summary>
public abstract class ProcessingBed(TestDatabaseKind kind) : TestBedFixture
{
    internal MovableClock Clock { get; } = new();

    internal FakePayments Payments { get; } = new();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(kind, configureServices: services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
        services.AddSingleton<IPayments>(Payments);
    });
}

public sealed class SqliteProcessingBed() : ProcessingBed(TestDatabaseKind.Sqlite);

public sealed class PostgresProcessingBed() : ProcessingBed(TestDatabaseKind.Postgres)
{
    protected override void RequireServices() => TestServices.RequirePostgres();
}
