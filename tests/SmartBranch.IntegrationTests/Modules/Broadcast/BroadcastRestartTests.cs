using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ApproveDelivery;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Broadcast.Features.ControlDelivery;
using SmartBranch.Modules.Broadcast.Features.EmergencyDelivery;

namespace SmartBranch.IntegrationTests.Modules.Broadcast;

/// <summary>A server that goes down before or during a delivery, and another that takes over on the same database.</summary>
public abstract class BroadcastRestartTests(TestDatabaseKind kind)
{
    private static readonly TimeSpan MissedAfter = TimeSpan.FromSeconds(2);

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
            var hold = scenario.Line.Hold(letThrough: 2);
            var marker = $"避難所開設のお知らせ {Guid.NewGuid():N}";
            var id = await scenario.AsAsync(BroadcastScenario.Admin, s => s.GetRequiredService<EmergencyBroadcasts>()
                .SendAsync("避難所開設", [new BroadcastText(marker)], "大雨警報のため", CancellationToken.None));
            await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
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

    [Fact]
    public async Task A_send_that_fell_due_while_the_server_was_down_is_held_back_until_staff_confirm_it()
    {
        var database = await TestDatabase.CreateAsync(kind);
        var emulator = await LineTestBed.StartEmulatorAsync();
        LineTestBed? running = await StartAsync(database, emulator);
        try
        {
            var scenario = new BroadcastScenario(running);
            var friends = await scenario.FriendsAsync(3);
            var marker = $"休館日のお知らせ {Guid.NewGuid():N}";
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(5);
            var id = await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>()
                .CreateDraftAsync(new BroadcastDraft("休館日", [new BroadcastText(marker)], null, null, new SendAt(dueAt)), CancellationToken.None));
            await scenario.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastComposer>().SubmitAsync(id, CancellationToken.None));
            await scenario.AsAsync(BroadcastScenario.Approver, s => s.GetRequiredService<BroadcastApprovals>().ApproveAsync(id, CancellationToken.None));

            var stopped = running;
            running = null;
            await stopped.DisposeAsync();
            await Task.Delay(dueAt - DateTimeOffset.UtcNow + MissedAfter + TimeSpan.FromSeconds(2)); // The server is down at the due time.
            running = await StartAsync(database, emulator);
            var restarted = new BroadcastScenario(running);
            var missed = await restarted.RunWhenAsync(id, r => r.State == BroadcastRunState.Missed, "the missed send to be recorded");

            foreach (var userId in friends)
            {
                Assert.Equal(0, await restarted.ReceivedAsync(userId, marker));
            }

            Assert.Equal(BroadcastDeliveryState.Missed, (await restarted.DeliveryAsync(id)).State);

            await restarted.AsAsync(BroadcastScenario.Author, s => s.GetRequiredService<BroadcastControl>().SendMissedAsync(missed.Id, CancellationToken.None));
            var sent = await restarted.RunWhenAsync(id, r => r.IsFinished, "the confirmed send to finish");

            Assert.Equal((BroadcastRunState.Sent, 3), (sent.State, sent.SentCount));
            foreach (var userId in friends)
            {
                Assert.Equal(1, await restarted.ReceivedAsync(userId, marker));
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
            extraSettings: new Dictionary<string, string?>(BroadcastTestServices.Settings) { ["Modules:Broadcast:MissedAfter"] = MissedAfter.ToString() },
            configureServices: BroadcastTestServices.Add);
}

public sealed class SqliteBroadcastRestartTests() : BroadcastRestartTests(TestDatabaseKind.Sqlite);

public sealed class PostgresBroadcastRestartTests() : BroadcastRestartTests(TestDatabaseKind.Postgres);
