using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>A server that goes down in the middle of a delivery, and another that takes over on the same database.</summary>
public abstract class BroadcastCrashTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task A_delivery_interrupted_by_the_worker_going_down_resumes_on_restart_with_no_one_reached_twice_or_skipped()
    {
        var database = await TestDatabase.CreateAsync(kind);
        var emulator = await LineTestBed.StartEmulatorAsync();
        LineTestBed? running = await StartAsync(database, emulator);
        try
        {
            var scenario = new BroadcastScenario(running);
            var friends = await scenario.FriendsAsync(30);
            scenario.Line.MulticastDelay = TimeSpan.FromMilliseconds(300);
            var marker = $"避難所開設のお知らせ {Guid.NewGuid():N}";
            var id = await scenario.AsAsync(BroadcastScenario.Admin, s => s.GetRequiredService<EmergencyBroadcasts>()
                .SendAsync("避難所開設", [new BroadcastText(marker)], "大雨警報のため", CancellationToken.None));
            var interrupted = await scenario.RunWhenAsync(id, r => r.SentCount >= 6, "some batches to be sent");
            Assert.True(interrupted.SentCount < friends.Count, "The delivery had finished before the server went down.");

            var stopped = running;
            running = null;
            await stopped.DisposeAsync();
            running = await StartAsync(database, emulator);
            var resumed = new BroadcastScenario(running);
            var run = await resumed.RunWhenAsync(id, r => r.IsFinished, "the resumed delivery to finish");

            Assert.Equal((BroadcastRunState.Sent, 30, 30, 0), (run.State, run.TargetCount, run.SentCount, run.FailedCount));
            foreach (var userId in friends)
            {
                Assert.Equal(1, await resumed.ReceivedAsync(userId, marker));
            }
        }
        finally
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }

            await emulator.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static Task<LineTestBed> StartAsync(TestDatabase database, SmartBranch.LineEmulator.LineEmulatorServer emulator) =>
        LineTestBed.StartAsync(database.Kind, database: database, emulator: emulator,
            extraSettings: BroadcastTestServices.Settings, configureServices: BroadcastTestServices.Add);
}

public sealed class SqliteBroadcastCrashTests() : BroadcastCrashTests(TestDatabaseKind.Sqlite);

public sealed class PostgresBroadcastCrashTests() : BroadcastCrashTests(TestDatabaseKind.Postgres);
