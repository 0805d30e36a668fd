using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>Residents, staff and the emulator's inboxes around one Broadcast test bed.</summary>
internal sealed class BroadcastScenario(LineTestBed bed)
{
    public static readonly TestChannel Channel = LineTestBed.HirakawaStaging;

    public static readonly TestStaff Author = TestStaff.Member("author-1", BroadcastPermissions.Compose, BroadcastPermissions.View, BroadcastPermissions.Stop);
    public static readonly TestStaff Approver = TestStaff.Member("approver-1", BroadcastPermissions.Approve, BroadcastPermissions.View);
    public static readonly TestStaff Admin = TestStaff.Member(
        "admin-1", BroadcastPermissions.Compose, BroadcastPermissions.Approve, BroadcastPermissions.SendEmergency, BroadcastPermissions.Stop, BroadcastPermissions.View);

    public LineControls Line => bed.App.Services.GetRequiredService<LineControls>();

    /// <summary>New LINE users who follow the account, recorded as residents by the server.</summary>
    public async Task<IReadOnlyList<string>> FriendsAsync(int count)
    {
        var users = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var userId = await bed.CreateLineUserAsync();
            await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
            return userId;
        }));
        await bed.WaitUntilIdleAsync();
        return users;
    }

    public async Task BlockAsync(string userId)
    {
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();
    }

    /// <summary>Runs <paramref name="work"/> as <paramref name="staff"/>, signed in, inside Hirakawa's staging.</summary>
    public Task<T> AsAsync<T>(TestStaff staff, Func<IServiceProvider, Task<T>> work) => AsAsync(Channel, staff, work);

    /// <summary>Runs <paramref name="work"/> as <paramref name="staff"/>, signed in, inside <paramref name="channel"/>'s tenant environment.</summary>
    public async Task<T> AsAsync<T>(TestChannel channel, TestStaff staff, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider);
    }

    public Task AsAsync(TestStaff staff, Func<IServiceProvider, Task> work) => AsAsync(staff, async s =>
    {
        await work(s);
        return true;
    });

    public Task<BroadcastRun> RunAsync(Guid deliveryId) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<BroadcastRun>().AsNoTracking().SingleAsync(r => r.DeliveryId == deliveryId));

    public Task<BroadcastRun> RunWhenAsync(Guid deliveryId, Func<BroadcastRun, bool> done, string what) =>
        Eventually.GetAsync(
            async () => await bed.InTenantAsync(Channel, (db, _) => db.Set<BroadcastRun>().AsNoTracking().SingleOrDefaultAsync(r => r.DeliveryId == deliveryId)),
            run => run is not null && done(run),
            what)!;

    public Task<BroadcastDelivery> DeliveryAsync(Guid deliveryId) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<BroadcastDelivery>().AsNoTracking().SingleAsync(d => d.Id == deliveryId));

    /// <summary>Everyone in a batch LINE accepted for this delivery.</summary>
    public Task<HashSet<string>> ReachedAsync(Guid deliveryId) => bed.InTenantAsync(Channel, async (db, _) =>
    {
        var run = await db.Set<BroadcastRun>().SingleAsync(r => r.DeliveryId == deliveryId);
        var batches = await db.Set<BroadcastBatch>().Where(b => b.RunId == run.Id && b.State == BroadcastBatchState.Sent).ToListAsync();
        return batches.SelectMany(b => b.Recipients).ToHashSet();
    });

    /// <summary>How many messages containing <paramref name="marker"/> the user received by multicast.</summary>
    public async Task<int> ReceivedAsync(string userId, string marker) =>
        (await bed.InboxAsync(userId)).Count(m => m["message"]?["text"]?.GetValue<string>().Contains(marker, StringComparison.Ordinal) ?? false);
}
