using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Line;
using SmartBranch.Line.Client;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.IntegrationTests.Modules.RichMenus;

/// <summary>
/// The bulk calls this server makes to LINE (the emulator), counted, and LINE's rate limit: after
/// <see cref="RefuseOneAfter"/>'s number of calls, one call gets LINE's 429 as the client reports it once its own
/// retries are spent.
/// </summary>
internal sealed class RichMenuBulkCalls
{
    private readonly ConcurrentQueue<int> _sizes = new();
    private int _untilRefusal = -1;

    /// <summary>How many user ids each bulk call that reached LINE carried, in order.</summary>
    public IReadOnlyList<int> Sizes => [.. _sizes];

    public int Refused { get; private set; }

    public void RefuseOneAfter(int calls) => Interlocked.Exchange(ref _untilRefusal, calls);

    internal void Call(int size)
    {
        if (Interlocked.Decrement(ref _untilRefusal) == -1)
        {
            Refused++;
            throw new LineApiException(HttpStatusCode.TooManyRequests, "The API rate limit has been exceeded. Try again later.", null, null);
        }

        _sizes.Enqueue(size);
    }

    public static void Add(IServiceCollection services)
    {
        SqliteRichMenusBed.AddTestStaff(services);
        services.AddSingleton<RichMenuBulkCalls>();
        var real = services.Last(s => s.ServiceType == typeof(ILineRichMenuClientFactory));
        services.Remove(real);
        services.AddSingleton<ILineRichMenuClientFactory>(sp => new CountingFactory(
            (ILineRichMenuClientFactory)real.ImplementationFactory!(sp), sp.GetRequiredService<RichMenuBulkCalls>()));
    }

    private sealed class CountingFactory(ILineRichMenuClientFactory inner, RichMenuBulkCalls calls) : ILineRichMenuClientFactory
    {
        public ILineRichMenuClient Create(LineChannel channel) => new CountingClient(inner.Create(channel), calls);
    }

    private sealed class CountingClient(ILineRichMenuClient inner, RichMenuBulkCalls calls) : ILineRichMenuClient
    {
        public Task LinkRichMenuToUsersAsync(string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
        {
            calls.Call(userIds.Count);
            return inner.LinkRichMenuToUsersAsync(richMenuId, userIds, cancellationToken);
        }

        public Task UnlinkRichMenuFromUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
        {
            calls.Call(userIds.Count);
            return inner.UnlinkRichMenuFromUsersAsync(userIds, cancellationToken);
        }

        public Task<string> CreateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default) => inner.CreateRichMenuAsync(menu, cancellationToken);

        public Task ValidateRichMenuAsync(LineRichMenu menu, CancellationToken cancellationToken = default) => inner.ValidateRichMenuAsync(menu, cancellationToken);

        public Task UploadRichMenuImageAsync(string richMenuId, ReadOnlyMemory<byte> image, string contentType, CancellationToken cancellationToken = default) =>
            inner.UploadRichMenuImageAsync(richMenuId, image, contentType, cancellationToken);

        public Task<LineMessageContent> DownloadRichMenuImageAsync(string richMenuId, CancellationToken cancellationToken = default) =>
            inner.DownloadRichMenuImageAsync(richMenuId, cancellationToken);

        public Task<IReadOnlyList<LineRichMenuSummary>> ListRichMenusAsync(CancellationToken cancellationToken = default) => inner.ListRichMenusAsync(cancellationToken);

        public Task<bool> DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default) => inner.DeleteRichMenuAsync(richMenuId, cancellationToken);

        public Task SetDefaultRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default) => inner.SetDefaultRichMenuAsync(richMenuId, cancellationToken);

        public Task<string?> GetDefaultRichMenuIdAsync(CancellationToken cancellationToken = default) => inner.GetDefaultRichMenuIdAsync(cancellationToken);

        public Task CancelDefaultRichMenuAsync(CancellationToken cancellationToken = default) => inner.CancelDefaultRichMenuAsync(cancellationToken);

        public Task LinkRichMenuToUserAsync(string userId, string richMenuId, CancellationToken cancellationToken = default) =>
            inner.LinkRichMenuToUserAsync(userId, richMenuId, cancellationToken);

        public Task UnlinkRichMenuFromUserAsync(string userId, CancellationToken cancellationToken = default) => inner.UnlinkRichMenuFromUserAsync(userId, cancellationToken);

        public Task CreateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default) =>
            inner.CreateRichMenuAliasAsync(richMenuAliasId, richMenuId, cancellationToken);

        public Task UpdateRichMenuAliasAsync(string richMenuAliasId, string richMenuId, CancellationToken cancellationToken = default) =>
            inner.UpdateRichMenuAliasAsync(richMenuAliasId, richMenuId, cancellationToken);

        public Task DeleteRichMenuAliasAsync(string richMenuAliasId, CancellationToken cancellationToken = default) =>
            inner.DeleteRichMenuAliasAsync(richMenuAliasId, cancellationToken);

        public Task<IReadOnlyList<LineRichMenuAlias>> ListRichMenuAliasesAsync(CancellationToken cancellationToken = default) => inner.ListRichMenuAliasesAsync(cancellationToken);
    }
}

public sealed class SqliteRichMenuLinksBed : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Sqlite, configureServices: RichMenuBulkCalls.Add);
}

public sealed class PostgresRichMenuLinksBed : TestBedFixture
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Postgres, configureServices: RichMenuBulkCalls.Add);
}
