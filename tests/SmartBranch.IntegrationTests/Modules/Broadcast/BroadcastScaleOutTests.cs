using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.LineEmulator;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>Two worker servers on one PostgreSQL database and one RabbitMQ broker, as a scaled-out deployment runs.</summary>
[Collection(RabbitMqBroker.Name)]
public sealed class BroadcastScaleOutTests
{
    [Fact]
    public async Task Two_workers_send_each_batch_of_a_delivery_once_and_every_friend_receives_it_once()
    {
        TestServices.RequireRabbitMq();
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var emulator = await LineTestBed.StartEmulatorAsync();
        await using var first = await StartWorkerAsync(database, emulator);
        await using var second = await StartWorkerAsync(database, emulator);
        var scenario = new BroadcastScenario(first);
        var friends = await scenario.FriendsAsync(30);
        var marker = $"給水所開設のお知らせ {Guid.NewGuid():N}";

        var id = await scenario.AsAsync(BroadcastScenario.Admin, s => s.GetRequiredService<EmergencyBroadcasts>()
            .SendAsync("給水所開設", [new BroadcastText(marker)], "断水のため", CancellationToken.None));
        var run = await scenario.RunWhenAsync(id, r => r.IsFinished, "the delivery to finish");

        Assert.Equal((BroadcastRunState.Sent, 30, 30, 0), (run.State, run.TargetCount, run.SentCount, run.FailedCount));
        var batches = await first.InTenantAsync(BroadcastScenario.Channel, (db, _) => db.Set<BroadcastBatch>().AsNoTracking().Where(b => b.RunId == run.Id).ToListAsync());
        Assert.Equal(10, batches.Count); // 30 friends in batches of 3
        Assert.All(batches, b => Assert.Equal(BroadcastBatchState.Sent, b.State));
        var multicasts = first.App.Services.GetRequiredService<LineControls>().Multicasts
            .Concat(second.App.Services.GetRequiredService<LineControls>().Multicasts)
            .ToList();
        Assert.Equal(batches.Select(b => b.RetryKey).Order(), multicasts.Order());
        foreach (var userId in friends)
        {
            Assert.Equal(1, await scenario.ReceivedAsync(userId, marker));
        }
    }

    private static Task<LineTestBed> StartWorkerAsync(TestDatabase database, LineEmulatorServer emulator) =>
        LineTestBed.StartAsync(
            database.Kind, rabbitMq: true, database: database, emulator: emulator, extraSettings: BroadcastTestServices.Settings,
            configureServices: BroadcastTestServices.Add);
}
