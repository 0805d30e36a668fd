using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;

namespace SmartBranch.IntegrationTests.Modules.Residents;

/// <summary>
/// The audience a delivery reaches, as the broadcast module asks for it. Every test here works in Hirakawa's
/// production environment, which no other test of the class touches, and checks that staging's residents never count.
/// </summary>
public abstract class ResidentAudienceTests(TestBedFixture fixture)
{
    private static readonly TestChannel Production = LineTestBed.HirakawaProduction;
    private static readonly TestChannel Staging = LineTestBed.HirakawaStaging;

    [Fact]
    public async Task Segments_combine_attributes_with_AND_and_OR_and_never_reach_blocked_residents_or_another_environment()
    {
        var bed = await fixture.GetAsync();
        await SeedAsync(bed, Production, And(1), ResidentStatus.Friend, ("topic", "disaster"), ("area", "hiraka"));
        await SeedAsync(bed, Production, And(2), ResidentStatus.Friend, ("topic", "disaster"), ("topic", "events"), ("area", "onoe"));
        await SeedAsync(bed, Production, And(3), ResidentStatus.Friend, ("topic", "events"), ("area", "hiraka"));
        await SeedAsync(bed, Production, And(4), ResidentStatus.Blocked, ("topic", "disaster"), ("area", "hiraka"));
        await SeedAsync(bed, Production, And(5), ResidentStatus.Friend);
        await SeedAsync(bed, Staging, And(6), ResidentStatus.Friend, ("topic", "disaster"), ("area", "hiraka"));

        var disasterInHiraka = new AllOf([new AttributeIn("topic", ["disaster"]), new AttributeIn("area", ["hiraka"])]);
        var disasterOrHiraka = new AnyOf([new AttributeIn("topic", ["disaster"]), new AttributeIn("area", ["hiraka"])]);
        var eventsOutsideHiraka = new AllOf([new AttributeIn("topic", ["events"]), new AttributeIn("area", ["onoe", "ikarigaseki"])]);

        Assert.Equal([And(1)], await MembersAsync(bed, disasterInHiraka));
        Assert.Equal([And(1), And(2), And(3)], await MembersAsync(bed, disasterOrHiraka));
        Assert.Equal([And(2)], await MembersAsync(bed, eventsOutsideHiraka));
        Assert.Equal((1, 3), (await CountAsync(bed, disasterInHiraka), await CountAsync(bed, disasterOrHiraka)));
        Assert.Equal([And(1), And(2), And(3), And(5)], (await MembersAsync(bed, null)).Where(u => u.StartsWith(And(0)[..^1], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Paging_walks_the_whole_audience_once_in_a_stable_order_and_ends()
    {
        var bed = await fixture.GetAsync();
        var friends = Enumerable.Range(0, 23).Select(Paged).ToList();
        foreach (var userId in friends)
        {
            await SeedAsync(bed, Production, userId, ResidentStatus.Friend, ("age", "70-plus"));
        }

        await SeedAsync(bed, Production, Paged(99), ResidentStatus.Blocked, ("age", "70-plus"));
        var segment = new AttributeIn("age", ["70-plus"]);

        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await InProductionAsync(bed, audience => audience.PageAsync(segment, continuation, 5, CancellationToken.None));
            seen.AddRange(page.Members.Select(m => m.LineUserId));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(friends, seen);
        Assert.Equal(5, pages);
        Assert.Equal(23, await CountAsync(bed, segment));
    }

    [Fact]
    public async Task A_condition_on_an_attribute_the_catalogue_lacks_is_an_error_not_an_empty_audience()
    {
        var bed = await fixture.GetAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => CountAsync(bed, new AttributeIn("area", ["tokyo"])));
        await Assert.ThrowsAsync<ArgumentException>(() => InProductionAsync(bed, a => a.PageAsync(null, "not a continuation!", 5, CancellationToken.None)));
    }

    /// <summary>LINE user ids as LINE makes them ("U" and 32 hexadecimal digits), one range per test.</summary>
    private static string And(int n) => $"U{0xa000 + n:x32}";

    private static string Paged(int n) => $"U{0xb000 + n:x32}";

    private static async Task SeedAsync(LineTestBed bed, TestChannel channel, string userId, ResidentStatus status, params (string Attribute, string Value)[] values) =>
        await bed.InTenantAsync(channel, async (db, _) =>
        {
            var resident = Resident.Follow(userId, DateTimeOffset.UtcNow);
            if (status == ResidentStatus.Blocked)
            {
                resident.Block(DateTimeOffset.UtcNow);
            }

            db.Add(resident);
            db.AddRange(values.Select(v => new ResidentAttributeValue(resident.Id, v.Attribute, v.Value)));
            return await db.SaveChangesAsync();
        });

    private static Task<T> InProductionAsync<T>(LineTestBed bed, Func<IResidentAudience, Task<T>> query) =>
        bed.InTenantAsync(Production, (_, services) => query(services.GetRequiredService<IResidentAudience>()));

    private static Task<int> CountAsync(LineTestBed bed, SegmentExpression? segment) =>
        InProductionAsync(bed, audience => audience.CountAsync(segment, CancellationToken.None));

    private static Task<List<string>> MembersAsync(LineTestBed bed, SegmentExpression? segment) =>
        InProductionAsync(bed, async audience => (await audience.PageAsync(segment, null, 1000, CancellationToken.None)).Members.Select(m => m.LineUserId).ToList());
}

public sealed class SqliteResidentAudienceTests(SqliteTestBed fixture) : ResidentAudienceTests(fixture), IClassFixture<SqliteTestBed>;

public sealed class PostgresResidentAudienceTests(PostgresTestBed fixture) : ResidentAudienceTests(fixture), IClassFixture<PostgresTestBed>;
