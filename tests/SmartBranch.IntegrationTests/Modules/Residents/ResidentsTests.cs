using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.IntegrationTests.Modules.Residents;

public abstract class ResidentsTests(TestBedFixture fixture)
{
    private static readonly TestChannel Channel = LineTestBed.HirakawaStaging;

    [Fact]
    public async Task A_new_friend_is_recorded_with_the_name_and_language_of_their_LINE_profile()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync("津軽 花子");

        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();

        var resident = await FindAsync(bed, userId);
        Assert.Equal(("津軽 花子", "ja", ResidentStatus.Friend), (resident.DisplayName, resident.Language, resident.Status));
    }

    [Fact]
    public async Task A_resident_who_blocks_the_account_receives_nothing_more()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        var welcomed = (await bed.InboxAsync(userId)).Count;

        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();
        await PushAsync(bed, userId, "市からのお知らせ");
        await bed.WaitUntilIdleAsync();

        Assert.Equal(ResidentStatus.Blocked, (await FindAsync(bed, userId)).Status);
        Assert.Equal(welcomed, (await bed.InboxAsync(userId)).Count);
    }

    [Fact]
    public async Task Unblocking_restores_the_resident_who_is_welcomed_again_and_receives_messages()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        var welcomed = (await bed.InboxAsync(userId)).Count;
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();

        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        await PushAsync(bed, userId, "おかえりなさい");
        await bed.WaitUntilIdleAsync();

        var resident = await FindAsync(bed, userId);
        Assert.Equal(ResidentStatus.Friend, resident.Status);
        Assert.Null(resident.BlockedAt);
        var inbox = await bed.InboxAsync(userId);
        Assert.Equal(2 * welcomed + 1, inbox.Count);
        Assert.Equal("おかえりなさい", inbox[^1]["message"]!["text"]!.GetValue<string>());
        Assert.Equal(1, await bed.InTenantAsync(Channel, (db, _) => db.Set<Resident>().CountAsync(r => r.LineUserId == userId)));
    }

    private static Task<Resident> FindAsync(LineTestBed bed, string userId) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<Resident>().SingleAsync(r => r.LineUserId == userId));

    private static Task<int> PushAsync(LineTestBed bed, string userId, string text) =>
        bed.InTenantAsync(Channel, (db, services) =>
        {
            services.GetRequiredService<ILineMessenger>().Push(userId, [new TextMessage(text)]);
            return db.SaveChangesAsync();
        });
}

public sealed class SqliteResidentsTests(SqliteTestBed fixture) : ResidentsTests(fixture), IClassFixture<SqliteTestBed>;

public sealed class PostgresResidentsTests(PostgresTestBed fixture) : ResidentsTests(fixture), IClassFixture<PostgresTestBed>;
