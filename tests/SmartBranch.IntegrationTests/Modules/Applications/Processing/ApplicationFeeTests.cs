using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Applications.Catalog;

namespace SmartBranch.IntegrationTests.Modules.Applications.Processing;

/// <summary>Permitted staff change fees per environment; a bad amount stores nothing; every change is audited.</summary>
public abstract class ApplicationFeeTests(ProcessingBed fixture)
{
    private static readonly TestStaff FeeAdmin = new() { UserId = "admin-fees", DisplayName = "職員 admin-fees", Permissions = [ApplicationsPermissions.ManageCatalog] };

    [Fact]
    public async Task Staff_change_fees_for_one_environment_a_bad_amount_stores_nothing_and_the_files_amount_stops_overriding()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ProcessingScenario(fixture, bed);
        var inkan = new ApplicationFeeChange(ApplicationFeeKind.FeePerCopy, "inkan", 350);
        var express = new ApplicationFeeChange(ApplicationFeeKind.Postage, "express", 420);

        var refused = await scenario.AsAsync(FeeAdmin, s => s.GetRequiredService<ApplicationCatalogEditor>().SaveAsync(
            [inkan, express with { Amount = 100_001 }, new ApplicationFeeChange(ApplicationFeeKind.Postage, "pigeon", 10)], CancellationToken.None));
        Assert.Equal(
            ["速達の金額は 0 から 100,000 までの整数（円）で入力してください。", "「pigeon」は申請の種類・郵送方法にありません。"],
            refused.Errors.Values);
        Assert.Equal(300, (await FeesAsync(scenario, LineTestBed.HirakawaStaging)).FeesPerCopy.Single(f => f.Key == "inkan").Amount);

        var saved = await scenario.AsAsync(FeeAdmin, s => s.GetRequiredService<ApplicationCatalogEditor>().SaveAsync([inkan, express], CancellationToken.None));
        Assert.Equal((2, 0), (saved.Changed, saved.Errors.Count));
        var staging = await FeesAsync(scenario, LineTestBed.HirakawaStaging);
        Assert.Equal((350, 300), staging.FeesPerCopy.Where(f => f.Key == "inkan").Select(f => (f.Amount, f.FileAmount)).Single());
        Assert.Equal(420, staging.Postage.Single(f => f.Key == "express").Amount);
        Assert.Equal(300, (await FeesAsync(scenario, LineTestBed.HirakawaProduction)).FeesPerCopy.Single(f => f.Key == "inkan").Amount);

        var restored = await scenario.AsAsync(FeeAdmin, s => s.GetRequiredService<ApplicationCatalogEditor>().SaveAsync(
            [inkan with { Amount = 300 }, express with { Amount = 410 }], CancellationToken.None));
        Assert.Equal(2, restored.Changed);
        Assert.Equal(0, await bed.InTenantAsync(ProcessingScenario.Channel, (db, _) => db.Set<ApplicationFeeOverride>().CountAsync()));

        var audited = await bed.InTenantAsync(ProcessingScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.Action == "applications.catalog.fees_changed").OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync());
        Assert.Equal(
            ["申請の手数料・郵送料を変更しました: 印鑑登録証明書 300→350 円、速達 410→420 円。", "申請の手数料・郵送料を変更しました: 印鑑登録証明書 350→300 円、速達 420→410 円。"],
            audited);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(ProcessingScenario.CitizenStaff, s =>
            s.GetRequiredService<ApplicationCatalogEditor>().SaveAsync([inkan], CancellationToken.None)));
    }

    private static Task<ApplicationFeeSheet> FeesAsync(ProcessingScenario scenario, TestChannel channel) =>
        scenario.AsAsync(FeeAdmin, s => s.GetRequiredService<ApplicationCatalogEditor>().LoadAsync(CancellationToken.None), channel);
}

public sealed class SqliteApplicationFeeTests(SqliteProcessingBed fixture) : ApplicationFeeTests(fixture), IClassFixture<SqliteProcessingBed>;

public sealed class PostgresApplicationFeeTests(PostgresProcessingBed fixture) : ApplicationFeeTests(fixture), IClassFixture<PostgresProcessingBed>;
