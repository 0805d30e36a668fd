namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// One test bed shared by a test class, started on first use so that a missing service skips (or,
/// under CI, fails) the tests rather than breaking the fixture.
/// </summary>
public abstract class TestBedFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LineTestBed? _bed;

    public async Task<LineTestBed> GetAsync()
    {
        RequireServices();
        await _gate.WaitAsync();
        try
        {
            return _bed ??= await StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void RequireServices()
    {
    }

    protected abstract Task<LineTestBed> StartAsync();
}

public sealed class SqliteTestBed : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Sqlite);
}

public sealed class PostgresTestBed : TestBedFixture
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Postgres);
}

public sealed class PostgresRabbitMqTestBed : TestBedFixture
{
    protected override void RequireServices()
    {
        TestServices.RequirePostgres();
        TestServices.RequireRabbitMq();
    }

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Postgres, rabbitMq: true);
}
