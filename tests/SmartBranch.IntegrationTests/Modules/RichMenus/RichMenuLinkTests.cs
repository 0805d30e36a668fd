using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;
using static SmartBranch.IntegrationTests.Modules.RichMenus.RichMenuPublishingTests;

namespace SmartBranch.IntegrationTests.Modules.RichMenus;

/// <summary>
/// Segment menus and one resident's menu on LINE (the emulator, which refuses bulk calls of more than 500 user ids),
/// linked by the background runs, and disaster mode over them. Each test uses residents of its own.
/// </summary>
public abstract class RichMenuLinkTests(TestBedFixture fixture)
{
    private static readonly TestStaff Linker = TestStaff.Member("linker-1", RichMenuPermissions.View, RichMenuPermissions.Assign);
    private static readonly TestChannel Staging = LineTestBed.HirakawaStaging;

    [Fact]
    public async Task A_segment_menu_reaches_every_friend_of_the_segment_in_calls_of_at_most_500_and_unassigning_unlinks_them()
    {
        var bed = await ImportedAsync(fixture);
        var calls = bed.App.Services.GetRequiredService<RichMenuBulkCalls>();
        var members = Enumerable.Range(0, 1201).Select(i => UserId(0x1, i)).ToList();
        await SeedAsync(bed, members, ("age", "70-plus"));
        await SeedAsync(bed, [UserId(0x1, 5000)], ("age", "20s"));
        await SeedAsync(bed, [UserId(0x1, 5001)], blocked: true, ("age", "70-plus"));
        var menu = await PublishedSegmentMenuAsync(bed, "高齢の方向けメニュー");
        var before = calls.Sizes.Count;

        var assignment = await LinksAsync(bed, l => l.AssignAsync(menu.Id, new AttributeIn("age", ["70-plus"]), default));
        var linked = await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.LinkSegment);
        var linkCalls = calls.Sizes.Skip(before).ToList();
        var seenLinked = await LinkedMenusAsync(bed, [members[0], members[499], members[500], members[999], members[1000], members[1200], UserId(0x1, 5000), UserId(0x1, 5001)]);

        await LinksAsync(bed, async l =>
        {
            await l.UnassignAsync(assignment, default);
            return true;
        });
        var unlinked = await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.UnlinkSegment);

        Assert.Equal((RichMenuLinkRunState.Done, 1201, 1201), (linked.State, linked.Done, linked.Total));
        Assert.Equal([500, 500, 201], linkCalls);
        Assert.Equal([menu.LineId, menu.LineId, menu.LineId, menu.LineId, menu.LineId, menu.LineId, null, null], seenLinked);
        Assert.Equal((RichMenuLinkRunState.Done, 1201), (unlinked.State, unlinked.Done));
        Assert.All(await LinkedMenusAsync(bed, [members[0], members[700], members[1200]]), Assert.Null);
        Assert.DoesNotContain((await LinksAsync(bed, l => l.GetAsync(default))).Assignments, a => a.Id == assignment);
    }

    [Fact]
    public async Task A_run_LINE_refuses_with_429_waits_and_resumes_where_it_stopped_without_repeating_or_skipping_anyone()
    {
        var bed = await ImportedAsync(fixture);
        var calls = bed.App.Services.GetRequiredService<RichMenuBulkCalls>();
        var members = Enumerable.Range(0, 620).Select(i => UserId(0x2, i)).ToList();
        await SeedAsync(bed, members, ("topic", "events"));
        var menu = await PublishedSegmentMenuAsync(bed, "イベント好きの方向けメニュー");
        var before = calls.Sizes.Count;
        calls.RefuseOneAfter(1);

        var assignment = await LinksAsync(bed, l => l.AssignAsync(menu.Id, new AttributeIn("topic", ["events"]), default));
        var run = await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.LinkSegment);

        Assert.Equal(1, calls.Refused);
        Assert.Equal([500, 120], calls.Sizes.Skip(before));
        Assert.Equal((RichMenuLinkRunState.Done, 620, null), (run.State, run.Done, run.Problem));
        Assert.All(await LinkedMenusAsync(bed, [members[0], members[499], members[500], members[619]]), m => Assert.Equal(menu.LineId, m));
        await LinksAsync(bed, async l =>
        {
            await l.UnassignAsync(assignment, default);
            return true;
        });
        await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.UnlinkSegment);
    }

    [Fact]
    public async Task Disaster_mode_shows_residents_with_menus_of_their_own_the_disaster_menu_and_gives_their_menus_back_after()
    {
        var bed = await ImportedAsync(fixture);
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Tab)).Id);
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Default)).Id);
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Disaster)).Id);
        var defaultMenu = await LineIdAsync(bed, (await MenuAsync(bed, RichMenuRole.Default)).Id);
        var disasterMenu = await LineIdAsync(bed, (await MenuAsync(bed, RichMenuRole.Disaster)).Id);
        var segmentMenu = await PublishedSegmentMenuAsync(bed, "小野の方向けメニュー");
        var ownMenu = await PublishedSegmentMenuAsync(bed, "個別のメニュー");
        var inSegment = await FriendAsync(bed);
        var linkedAlone = await FriendAsync(bed);
        var switchedTab = await FriendAsync(bed);
        await AttributesAsync(bed, inSegment, ("area", "onoe"));
        var assignment = await LinksAsync(bed, l => l.AssignAsync(segmentMenu.Id, new AttributeIn("area", ["onoe"]), default));
        await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.LinkSegment);
        var linkedAloneId = await ResidentIdAsync(bed, linkedAlone);
        await LinksAsync(bed, async l =>
        {
            await l.LinkResidentAsync(linkedAloneId, ownMenu.Id, default);
            return true;
        });
        await bed.SimulateAsync(Staging, switchedTab, new JsonObject { ["type"] = "postback", ["data"] = "tab=procedures", ["newRichMenuAliasId"] = "hirakawa-procedures" });
        var before = await SeenAsync(bed, inSegment, linkedAlone, switchedTab);

        await SwitchAsync(bed, on: true);
        await RunsSettledAsync(bed);
        var during = await SeenAsync(bed, inSegment, linkedAlone, switchedTab);
        await SwitchAsync(bed, on: false);
        await RunsSettledAsync(bed);
        var after = await SeenAsync(bed, inSegment, linkedAlone, switchedTab);

        Assert.Equal(new (string?, string?)[] { (segmentMenu.LineId, "user"), (ownMenu.LineId, "user") }, before[..2]);
        Assert.Equal("user", before[2].Item2);
        Assert.All(during, seen => Assert.Equal((disasterMenu, "default"), seen));
        Assert.Equal(new (string?, string?)[] { (segmentMenu.LineId, "user"), (ownMenu.LineId, "user"), (defaultMenu, "default") }, after);
        Assert.Equal(ownMenu.Id, (await LinksAsync(bed, l => l.GetResidentMenuAsync(linkedAloneId, default)))!.MenuId);
    }

    [Fact]
    public async Task A_resident_of_an_assigned_segment_who_follows_again_gets_the_segment_menu()
    {
        var bed = await ImportedAsync(fixture);
        var menu = await PublishedSegmentMenuAsync(bed, "碇ヶ関の方向けメニュー");
        var resident = await FriendAsync(bed);
        await AttributesAsync(bed, resident, ("area", "ikarigaseki"));
        await bed.SimulateAsync(Staging, resident, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();
        var assignment = await LinksAsync(bed, l => l.AssignAsync(menu.Id, new AttributeIn("area", ["ikarigaseki"]), default));
        var run = await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.LinkSegment);
        var whileBlocked = await LinkedMenusAsync(bed, [resident]);

        await bed.SimulateAsync(Staging, resident, new JsonObject { ["type"] = "follow" });

        Assert.Equal(0, run.Done);
        Assert.Null(Assert.Single(whileBlocked));
        await Eventually.TrueAsync(async () => (await LinkedMenusAsync(bed, [resident]))[0] == menu.LineId, "the segment menu to be linked to the returning friend");
        await LinksAsync(bed, async l =>
        {
            await l.UnassignAsync(assignment, default);
            return true;
        });
        await RunFinishedAsync(bed, assignment, RichMenuLinkRunKind.UnlinkSegment);
    }

    [Fact]
    public async Task Only_a_published_segment_menu_is_linked_and_only_to_a_friend_and_staff_without_the_permission_cannot_link()
    {
        var bed = await ImportedAsync(fixture);
        var unpublished = await SegmentMenuAsync(bed, "未公開のメニュー");
        var menu = await PublishedSegmentMenuAsync(bed, "公開済みのメニュー");
        var blocked = await FriendAsync(bed);
        await bed.SimulateAsync(Staging, blocked, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();
        var viewer = TestStaff.Member("viewer-9", RichMenuPermissions.View);

        var notPublished = await Assert.ThrowsAsync<RichMenuLinkException>(() => LinksAsync(bed, l => l.AssignAsync(unpublished, new AttributeIn("age", ["20s"]), default)));
        var notFriend = await Assert.ThrowsAsync<RichMenuLinkException>(() => LinksAsync(bed, async l =>
        {
            await l.LinkResidentAsync(await ResidentIdAsync(bed, blocked), menu.Id, default);
            return true;
        }));
        await Assert.ThrowsAsync<RichMenuForbiddenException>(() => AsAsync<IRichMenuLinks, Guid>(bed, viewer, l => l.AssignAsync(menu.Id, new AttributeIn("age", ["20s"]), default)));

        Assert.Contains("LINE に公開されていません", notPublished.Message, StringComparison.Ordinal);
        Assert.Contains("友だちではない", notFriend.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await LinksAsync(bed, l => l.GetAsync(default))).Assignments, a => a.MenuId == unpublished);
    }

    private static string UserId(int test, int n) => $"U{(test << 20) + n:x32}";

    private static Task<T> LinksAsync<T>(LineTestBed bed, Func<IRichMenuLinks, Task<T>> work) => AsAsync(bed, Linker, work);

    private static async Task<Guid> SegmentMenuAsync(LineTestBed bed, string name)
    {
        var (draft, image) = await AsAsync<IRichMenuEditor, (RichMenuDraft, byte[])>(bed, Editor, async e =>
        {
            var disaster = (await e.GetAsync((await MenuAsync(bed, RichMenuRole.Disaster)).Id, default))!;
            await using var stream = (await e.OpenImageAsync(disaster.Id, default))!;
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            return (disaster.Draft, bytes.ToArray());
        });
        return await AsAsync<IRichMenuEditor, Guid>(bed, Editor, e => e.CreateAsync(draft with { Name = name, Role = RichMenuRole.Segment }, image, default));
    }

    private static async Task<(Guid Id, string LineId)> PublishedSegmentMenuAsync(LineTestBed bed, string name)
    {
        var id = await SegmentMenuAsync(bed, name);
        await PublishAsync(bed, id);
        return (id, await LineIdAsync(bed, id));
    }

    private static Task SeedAsync(LineTestBed bed, IReadOnlyList<string> userIds, params (string Attribute, string Value)[] values) =>
        SeedAsync(bed, userIds, blocked: false, values);

    private static async Task SeedAsync(LineTestBed bed, IReadOnlyList<string> userIds, bool blocked, params (string Attribute, string Value)[] values) =>
        await bed.InTenantAsync(Staging, async (db, _) =>
        {
            foreach (var userId in userIds)
            {
                var resident = Resident.Follow(userId, DateTimeOffset.UtcNow);
                if (blocked)
                {
                    resident.Block(DateTimeOffset.UtcNow);
                }

                db.Add(resident);
                db.AddRange(values.Select(v => new ResidentAttributeValue(resident.Id, v.Attribute, v.Value)));
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A LINE user of the emulator who follows the account, recorded as a resident by the server.</summary>
    private static async Task<string> FriendAsync(LineTestBed bed)
    {
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Staging, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        return userId;
    }

    private static Task<Guid> ResidentIdAsync(LineTestBed bed, string userId) =>
        bed.InTenantAsync(Staging, (db, _) => db.Set<Resident>().Where(r => r.LineUserId == userId).Select(r => r.Id).SingleAsync());

    private static async Task AttributesAsync(LineTestBed bed, string userId, params (string Attribute, string Value)[] values) =>
        await bed.InTenantAsync(Staging, async (db, _) =>
        {
            var residentId = await db.Set<Resident>().Where(r => r.LineUserId == userId).Select(r => r.Id).SingleAsync();
            db.AddRange(values.Select(v => new ResidentAttributeValue(residentId, v.Attribute, v.Value)));
            return await db.SaveChangesAsync();
        });

    private static Task<RichMenuLinkRunView> RunFinishedAsync(LineTestBed bed, Guid assignmentId, RichMenuLinkRunKind kind) =>
        Eventually.GetAsync(
            () => bed.InTenantAsync(Staging, async (db, _) =>
            {
                var run = await db.Set<RichMenuLinkRun>().AsNoTracking().SingleOrDefaultAsync(r => r.AssignmentId == assignmentId && r.Kind == kind);
                return run is null || run.State == RichMenuLinkRunState.Running
                    ? null
                    : new RichMenuLinkRunView(run.Id, run.Kind, null, run.State, run.Done, run.Total, run.Problem, run.CreatedAt, run.FinishedAt);
            }),
            run => run is not null,
            $"the {kind} run of assignment {assignmentId} to finish")!;

    private static Task RunsSettledAsync(LineTestBed bed) => Eventually.TrueAsync(
        () => bed.InTenantAsync(Staging, async (db, _) => !await db.Set<RichMenuLinkRun>().AnyAsync(r => r.State == RichMenuLinkRunState.Running)),
        "every link run to finish");

    /// <summary>The menu linked to each user on LINE (the bot API's view); null for none of their own.</summary>
    private static async Task<List<string?>> LinkedMenusAsync(LineTestBed bed, IEnumerable<string> userIds)
    {
        var menus = new List<string?>();
        foreach (var userId in userIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/bot/user/{userId}/richmenu");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Staging.AccessToken);
            using var response = await bed.EmulatorClient.SendAsync(request);
            menus.Add(response.StatusCode == HttpStatusCode.NotFound
                ? null
                : JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["richMenuId"]!.GetValue<string>());
        }

        return menus;
    }

    private static async Task<(string?, string?)[]> SeenAsync(LineTestBed bed, params string[] userIds) =>
        await Task.WhenAll(userIds.Select(u => MenuSeenByAsync(bed, u)));
}

public sealed class SqliteRichMenuLinkTests(SqliteRichMenuLinksBed fixture) : RichMenuLinkTests(fixture), IClassFixture<SqliteRichMenuLinksBed>;

public sealed class PostgresRichMenuLinkTests(PostgresRichMenuLinksBed fixture) : RichMenuLinkTests(fixture), IClassFixture<PostgresRichMenuLinksBed>;
