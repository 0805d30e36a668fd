using System.Collections.Concurrent;
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

/// <summary>Every reference is paid; refunds are recorded, and refused while <see cref="RefuseRefunds"/> is set.</summary>
internal sealed class FakePayments : IPayments
{
    private readonly ConcurrentDictionary<string, PaymentSummary> _refunded = new();

    public ConcurrentQueue<(string Reference, string Reason)> Refunds { get; } = new();

    public bool RefuseRefunds { get; set; }

    public Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct) => throw new NotSupportedException("Staff processing starts no payment.");

    public Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct) =>
        Task.FromResult<PaymentSummary?>(_refunded.TryGetValue(reference, out var refunded) ? refunded : Paid(reference));

    public Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct)
    {
        if (RefuseRefunds)
        {
            throw new PaymentUnavailableException("決済サービスに接続できませんでした。しばらくしてからもう一度お試しください。");
        }

        Refunds.Enqueue((reference, reason));
        return Task.FromResult(_refunded.GetOrAdd(reference, r => Paid(r) with { State = PaymentState.RefundPending }));
    }

    private static PaymentSummary Paid(string reference) => new(reference, "sandbox", 710, PaymentState.Paid, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), null);
}
