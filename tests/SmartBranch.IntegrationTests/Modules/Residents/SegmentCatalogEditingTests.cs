using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.IntegrationTests.Modules.Residents;

/// <summary>The segment catalogue is edited in staging and reaches production only when an admin promotes it.</summary>
public sealed class SegmentCatalogPromotionTests(SegmentsBed fixture) : IClassFixture<SegmentsBed>
{
    [Fact]
    public async Task An_edit_in_staging_changes_production_only_once_promoted_and_the_promotion_is_audited()
    {
        var bed = await fixture.GetAsync();
        var state = await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None));
        Assert.True(state.IsEditable);
        Assert.Empty(state.ChangesFromProduction);

        var edited = state.Catalog with
        {
            Attributes = [.. state.Catalog.Attributes.Select(a => a.Key == "topic"
                ? a with { Values = [.. a.Values, new EditableSegmentValue("snow", "除雪", "Snow clearing")] }
                : a)],
        };
        await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.SaveAsync(edited, CancellationToken.None));

        Assert.Contains("snow", await TopicKeysAsync(bed, LineTestBed.HirakawaStaging));
        Assert.DoesNotContain("snow", await TopicKeysAsync(bed, LineTestBed.HirakawaProduction));
        var pending = await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None));
        Assert.Equal(["属性「受け取りたい情報」: 選択肢を追加「除雪」（snow）"], pending.ChangesFromProduction);

        var production = await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaProduction, e => e.GetAsync(CancellationToken.None));
        Assert.False(production.IsEditable);
        var refused = await Assert.ThrowsAsync<SegmentCatalogException>(() =>
            SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaProduction, e => e.SaveAsync(edited, CancellationToken.None)));
        Assert.Equal("本番環境のセグメントは直接編集できません。ステージングで編集し、「本番へ反映」してください。", refused.Message);

        await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.PromoteAsync(CancellationToken.None));

        Assert.Contains("snow", await TopicKeysAsync(bed, LineTestBed.HirakawaProduction));
        Assert.Empty((await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None))).ChangesFromProduction);
        var audit = await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
            db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.Action == "residents.segments.promoted"));
        Assert.Equal((SegmentsBed.Admin.UserId, "hirakawa"), (audit.ActorUserId, audit.TenantSlug));
        Assert.Contains("変更 1 件", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_permission_can_neither_read_nor_edit_the_catalogue()
    {
        var bed = await fixture.GetAsync();

        var refused = await Assert.ThrowsAsync<SegmentCatalogException>(() =>
            SegmentsBed.AsAsync(bed, LineTestBed.HirakawaStaging, TestStaff.Member("viewer-1"), e => e.GetAsync(CancellationToken.None)));

        Assert.Equal("この操作には権限「residents.segments」が必要です。", refused.Message);
    }

    private static Task<List<string>> TopicKeysAsync(LineTestBed bed, TestChannel channel) =>
        bed.InTenantAsync(channel, async (_, services) =>
            (await services.GetRequiredService<ISegmentCatalog>().GetAttributesAsync(CancellationToken.None))
            .Single(a => a.Key == "topic").Values.Select(v => v.Key).ToList());
}

/// <summary>A value residents chose keeps its key: it can be renamed or hidden, never removed, in staging or by a promotion.</summary>
public sealed class SegmentCatalogValuesInUseTests(SegmentsBed fixture) : IClassFixture<SegmentsBed>
{
    [Fact]
    public async Task Removing_a_value_residents_chose_is_refused_and_hiding_it_is_allowed()
    {
        var bed = await fixture.GetAsync();
        await SeedResidentAsync(bed, LineTestBed.HirakawaStaging, ("area", "ikarigaseki"));
        var catalog = (await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None))).Catalog;

        var withoutIkarigaseki = WithArea(catalog, values => values.Where(v => v.Key != "ikarigaseki"));
        var refused = await Assert.ThrowsAsync<SegmentCatalogException>(() =>
            SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.SaveAsync(withoutIkarigaseki, CancellationToken.None)));
        Assert.Equal("属性 area の選択肢 ikarigaseki は住民が選んでいるため、削除やキーの変更はできません。残したまま「非表示」にしてください。", Assert.Single(refused.Problems));

        var hidden = WithArea(catalog, values => values.Select(v => v.Key == "ikarigaseki" ? v with { Hidden = true } : v));
        await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.SaveAsync(hidden, CancellationToken.None));

        var areas = await bed.InTenantAsync(LineTestBed.HirakawaStaging, async (_, services) =>
            (await services.GetRequiredService<ISegmentCatalog>().GetAttributesAsync(CancellationToken.None)).Single(a => a.Key == "area").Values.Select(v => v.Key).ToList());
        Assert.Equal(["hiraka", "onoe"], areas);
    }

    [Fact]
    public async Task A_promotion_that_would_remove_a_value_production_residents_chose_is_refused()
    {
        var bed = await fixture.GetAsync();
        await SeedResidentAsync(bed, LineTestBed.HirakawaProduction, ("age", "70-plus"));
        var catalog = (await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None))).Catalog;
        var withoutSeventies = catalog with
        {
            Attributes = [.. catalog.Attributes.Select(a => a.Key == "age" ? a with { Values = [.. a.Values.Where(v => v.Key != "70-plus")] } : a)],
        };
        await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.SaveAsync(withoutSeventies, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<SegmentCatalogException>(() =>
            SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.PromoteAsync(CancellationToken.None)));

        Assert.Equal("属性 age の選択肢 70-plus は本番環境の住民が選んでいるため、削除やキーの変更はできません。残したまま「非表示」にしてください。", Assert.Single(refused.Problems));
        var productionAges = await bed.InTenantAsync(LineTestBed.HirakawaProduction, async (_, services) =>
            (await services.GetRequiredService<ISegmentCatalog>().GetAttributesAsync(CancellationToken.None)).Single(a => a.Key == "age").Values.Select(v => v.Key).ToList());
        Assert.Contains("70-plus", productionAges);
    }

    [Fact]
    public async Task A_catalogue_breaking_the_files_rules_is_refused_with_every_problem_in_Japanese()
    {
        var bed = await fixture.GetAsync();
        var catalog = (await SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.GetAsync(CancellationToken.None))).Catalog;
        var broken = catalog with
        {
            Consent = catalog.Consent! with { Version = " " },
            Attributes = [.. catalog.Attributes, new EditableSegmentAttribute("Snow Area", "", "Snow area", false, [])],
        };

        var refused = await Assert.ThrowsAsync<SegmentCatalogException>(() =>
            SegmentsBed.AsAdminAsync(bed, LineTestBed.HirakawaStaging, e => e.SaveAsync(broken, CancellationToken.None)));

        Assert.Equal(
        [
            "同意文の版を入力してください。",
            "属性のキー「Snow Area」は、英小文字・数字・ハイフンで 1〜40 文字にしてください（先頭にハイフンは使えません）。",
            "属性「5 番目」の名前（日本語）を入力してください。",
            "属性「5 番目」に選択肢がありません。",
        ], refused.Problems);
    }

    private static EditableSegmentCatalog WithArea(EditableSegmentCatalog catalog, Func<IEnumerable<EditableSegmentValue>, IEnumerable<EditableSegmentValue>> change) =>
        catalog with { Attributes = [.. catalog.Attributes.Select(a => a.Key == "area" ? a with { Values = [.. change(a.Values)] } : a)] };

    private static Task<int> SeedResidentAsync(LineTestBed bed, TestChannel channel, (string Attribute, string Value) value) =>
        bed.InTenantAsync(channel, async (db, _) =>
        {
            var resident = Resident.Follow($"U{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
            db.Add(resident);
            db.Add(new ResidentAttributeValue(resident.Id, value.Attribute, value.Value));
            return await db.SaveChangesAsync();
        });
}

/// <summary>A server whose signed-in staff member each test chooses.</summary>
public sealed class SegmentsBed : TestBedFixture
{
    internal static readonly TestStaff Admin = TestStaff.Member("segments-admin", ResidentsPermissions.ManageSegments);

    internal static Task<T> AsAdminAsync<T>(LineTestBed bed, TestChannel channel, Func<ISegmentCatalogEditor, Task<T>> work) =>
        AsAsync(bed, channel, Admin, work);

    internal static Task AsAdminAsync(LineTestBed bed, TestChannel channel, Func<ISegmentCatalogEditor, Task> work) =>
        AsAsync(bed, channel, Admin, async e =>
        {
            await work(e);
            return true;
        });

    internal static async Task<T> AsAsync<T>(LineTestBed bed, TestChannel channel, TestStaff staff, Func<ISegmentCatalogEditor, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider.GetRequiredService<ISegmentCatalogEditor>());
    }

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Sqlite, configureServices: services =>
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
    });
}
