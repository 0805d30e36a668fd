using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Payments.Configuration;
using SmartBranch.TestSupport.Stripe;

namespace SmartBranch.IntegrationTests.Modules.Payments;

/// <summary>
/// The server with Hirakawa's production paying through Stripe (the stand-in, at its configurable API base URL) and
/// its staging through the sandbox, as the defaults have it.
/// </summary>
public abstract class PaymentsBed : TestBedFixture, IAsyncDisposable
{
    public const string WebhookSecret = "whsec_test_hirakawa";

    public static readonly TestChannel Production = LineTestBed.HirakawaProduction;
    public static readonly TestChannel Staging = LineTestBed.HirakawaStaging;

    private StripeStandIn? _stripe;

    public StripeStandIn Stripe => _stripe ?? throw new InvalidOperationException("The bed has not started.");

    public static Uri WebhookUrl(LineTestBed bed, TestChannel channel) => new(bed.App.Address, PaymentWebhookPaths.For(channel.Tenant, channel.Environment));

    public static PaymentOrder Order(string reference, long unitAmountYen = 300, int quantity = 2) => new(
        reference,
        [new PaymentOrderLine("住民票の写し", unitAmountYen, quantity)],
        new Uri($"https://city.example/r/hirakawa/applications/{reference}/paid"),
        new Uri($"https://city.example/r/hirakawa/applications/{reference}"));

    public static Task<T> PayAsync<T>(LineTestBed bed, TestChannel channel, Func<IPayments, Task<T>> use) =>
        bed.InTenantAsync(channel, (_, services) => use(services.GetRequiredService<IPayments>()));

    public static Task<Payment> RecordAsync(LineTestBed bed, TestChannel channel, string reference) =>
        bed.InTenantAsync(channel, (db, _) => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Reference == reference));

    /// <summary>The integration events of <typeparamref name="TEvent"/>'s type put in the outbox for the reference.</summary>
    public static Task<int> EventsAsync<TEvent>(LineTestBed bed, TestChannel channel, string reference) =>
        bed.InTenantAsync(channel, async (db, _) => (await db.OutboxMessages.AsNoTracking().Select(m => new { m.MessageType, m.Payload }).ToListAsync())
            .Count(m => m.MessageType.StartsWith(typeof(TEvent).FullName + ",", StringComparison.Ordinal)
                && m.Payload.Contains($"\"reference\":\"{reference}\"", StringComparison.Ordinal)));

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task<LineTestBed> StartAsync(TestDatabaseKind kind)
    {
        _stripe = await StripeStandIn.StartAsync();
        var production = PaymentSettings.SectionOf(Production.Tenant, Production.Environment);
        return await LineTestBed.StartAsync(kind, extraSettings: new Dictionary<string, string?>
        {
            [$"{production}:Gateway"] = "Stripe",
            [$"{production}:Methods"] = "card,paypay",
            [$"{production}:Stripe:SecretKey"] = _stripe.SecretKey,
            [$"{production}:Stripe:WebhookSecret"] = WebhookSecret,
            [$"{production}:Stripe:ApiBaseUrl"] = _stripe.BaseUrl.ToString(),
        });
    }
}

public sealed class SqlitePaymentsBed : PaymentsBed
{
    protected override Task<LineTestBed> StartAsync() => StartAsync(TestDatabaseKind.Sqlite);
}

public sealed class PostgresPaymentsBed : PaymentsBed
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => StartAsync(TestDatabaseKind.Postgres);
}
