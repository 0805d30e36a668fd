using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>
/// What the Broadcast tests add to the server: a signed-in staff member they choose, a hold and a quota on
/// the LINE client (LINE itself stays the emulator), and, until the Residents module provides its own, an
/// audience over the residents table.
/// </summary>
internal static class BroadcastTestServices
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        // Small batches, so a handful of residents make many batches to stop, expire or crash between.
        ["Modules:Broadcast:BatchSize"] = "3",
        ["Modules:Broadcast:ConcurrentBatches"] = "2",
    };

    public static void Add(IServiceCollection services)
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());

        services.AddSingleton<LineControls>();
        var real = services.Last(s => s.ServiceType == typeof(ILineMessagingClientFactory));
        services.Remove(real);
        services.AddSingleton<ILineMessagingClientFactory>(sp => new ControlledLineClientFactory(
            (ILineMessagingClientFactory)real.ImplementationFactory!(sp), sp.GetRequiredService<LineControls>()));

        if (!services.Any(s => s.ServiceType == typeof(IResidentAudience)))
        {
            services.AddScoped<IResidentAudience, ResidentsTableAudience>();
        }
    }
}

/// <summary>
/// Holds multicasts (so a test can act in the middle of a send) and sets the monthly quota LINE reports.
/// </summary>
internal sealed class LineControls
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Guid> multicasts = new();
    private volatile MulticastHold? hold;

    public LineMessageQuota? Quota { get; set; }

    /// <summary>The retry key of every multicast this server sent to LINE, a retry of a batch included.</summary>
    public IReadOnlyCollection<Guid> Multicasts => multicasts;

    /// <summary>
    /// After <paramref name="letThrough"/> more multicasts, the rest wait until <see cref="Release"/>;
    /// <see cref="MulticastHold.Reached"/> completes when the first one waits.
    /// </summary>
    public MulticastHold Hold(int letThrough = 0) => hold = new MulticastHold(letThrough);

    public void Release()
    {
        var released = hold;
        hold = null;
        released?.Release();
    }

    internal Task WaitAtHoldAsync(CancellationToken cancellationToken) => hold?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    internal void RecordMulticast(Guid retryKey) => multicasts.Enqueue(retryKey);
}

internal sealed class MulticastHold(int letThrough)
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int passed;

    public Task Reached => reached.Task;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref passed) <= letThrough)
        {
            return;
        }

        reached.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
    }

    public void Release() => released.TrySetResult();
}

internal sealed class ControlledLineClientFactory(ILineMessagingClientFactory inner, LineControls controls) : ILineMessagingClientFactory
{
    public ILineMessagingClient Create(LineChannel channel) => new ControlledLineClient(inner.Create(channel), controls);

    private sealed class ControlledLineClient(ILineMessagingClient inner, LineControls controls) : ILineMessagingClient
    {
        public async Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
        {
            await controls.WaitAtHoldAsync(cancellationToken);
            controls.RecordMulticast(retryKey);
            return await inner.MulticastAsync(to, messages, retryKey, cancellationToken);
        }

        public async Task<LineMessageQuota> GetMessageQuotaAsync(CancellationToken cancellationToken = default) =>
            controls.Quota ?? await inner.GetMessageQuotaAsync(cancellationToken);

        public Task ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default) =>
            inner.ReplyAsync(replyToken, messages, cancellationToken);

        public Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default) =>
            inner.PushAsync(to, messages, retryKey, cancellationToken);

        public Task<LineUserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default) =>
            inner.GetProfileAsync(userId, cancellationToken);

        public Task<LineMessageContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default) =>
            inner.GetMessageContentAsync(messageId, cancellationToken);

        public Task<LineBotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default) => inner.GetBotInfoAsync(cancellationToken);
    }
}

/// <summary>
/// All friends, in LINE user id order, for tests run before the Residents module implements
/// <see cref="IResidentAudience"/>; segments are not evaluated here, so the tests send to all friends.
/// </summary>
internal sealed class ResidentsTableAudience(SmartBranchDbContext db) : IResidentAudience
{
    public Task<int> CountAsync(SegmentExpression? segment, CancellationToken cancellationToken) =>
        Friends(segment).CountAsync(cancellationToken);

    public async Task<AudiencePage> PageAsync(SegmentExpression? segment, string? continuation, int size, CancellationToken cancellationToken)
    {
        var friends = Friends(segment);
        if (continuation is not null)
        {
            friends = friends.Where(r => r.LineUserId.CompareTo(continuation) > 0);
        }

        var page = await friends.OrderBy(r => r.LineUserId).Take(size)
            .Select(r => new AudienceMember(r.Id, r.LineUserId))
            .ToListAsync(cancellationToken);
        return new AudiencePage(page, page.Count < size ? null : page[^1].LineUserId);
    }

    private IQueryable<Resident> Friends(SegmentExpression? segment)
    {
        if (segment is not null)
        {
            throw new NotSupportedException("The test audience sends to all friends only.");
        }

        return db.Set<Resident>().AsNoTracking().Where(r => r.Status == ResidentStatus.Friend);
    }
}
