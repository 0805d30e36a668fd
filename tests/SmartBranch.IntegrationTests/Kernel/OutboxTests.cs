using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Line.Messages;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>What is committed is sent, once, even when the process that committed it stops before sending.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Webhook_events_and_messages_committed_by_a_process_that_then_stopped_are_sent_once_by_the_next_worker()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var emulator = await LineTestBed.StartEmulatorAsync();
        var channel = LineTestBed.HirakawaStaging;
        string userId;
        await using (var webOnly = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, roles: "Web", database: database, emulator: emulator))
        {
            userId = await webOnly.CreateLineUserAsync();
            await webOnly.SimulateAsync(channel, userId, new JsonObject { ["type"] = "follow" });
            await webOnly.InTenantAsync(channel, (db, services) =>
            {
                services.GetRequiredService<ILineMessenger>().Push(userId, [new TextMessage("お知らせ")]);
                return db.SaveChangesAsync();
            });

            Assert.Empty(await webOnly.InboxAsync(userId));
        }

        await using var worker = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, roles: "Worker", database: database, emulator: emulator);
        await worker.WaitUntilIdleAsync();

        var texts = (await worker.InboxAsync(userId)).Select(m => m["message"]!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(1, texts.Count(t => t == "お知らせ"));
        Assert.Equal(1, texts.Count(t => t.Contains("友だち追加", StringComparison.Ordinal)));
    }
}
