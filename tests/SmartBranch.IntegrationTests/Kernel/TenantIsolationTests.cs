using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Accounts;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>No query, page or API reads across tenants or environments.</summary>
public abstract class TenantIsolationTests(TestBedFixture fixture)
{
    /// <summary>
    /// Rows that belong to a tenant as a whole, not to one environment, so no environment filter can
    /// apply: read only by platform services that name the tenant. Memberships decide whether a person
    /// may enter a tenant at all and are read at sign-in, before any tenant is entered; the kernel's
    /// LINE channels, permission overrides and access grants are read by the catalog, the matrix and
    /// the grant service. Module tables are all checked.
    /// </summary>
    private static readonly Type[] TenantLevelRecords =
    [
        typeof(TenantMembership),
        typeof(SmartBranch.Kernel.Tenancy.TenantLineChannelRecord),
        typeof(SmartBranch.Kernel.Authorization.RolePermissionOverride),
        typeof(SmartBranch.Kernel.Authorization.PersonalDataAccessGrantRecord),
        typeof(SmartBranch.Kernel.LineChannels.LineApiFailureRecord), // Operators' counts, also written outside any tenant (connection tests); no resident data.
    ];

    [Fact]
    public async Task Each_tenant_environment_sees_only_its_own_residents_and_webhook_events()
    {
        var bed = await fixture.GetAsync();
        var hirakawaUser = await bed.CreateLineUserAsync();
        var otherUser = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(LineTestBed.HirakawaStaging, hirakawaUser, new JsonObject { ["type"] = "follow" });
        await bed.SimulateAsync(LineTestBed.OtherCityStaging, otherUser, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();

        var seenByHirakawa = await ResidentsSeenBy(bed, LineTestBed.HirakawaStaging);
        var seenByOtherCity = await ResidentsSeenBy(bed, LineTestBed.OtherCityStaging);
        var seenByHirakawaProduction = await ResidentsSeenBy(bed, LineTestBed.HirakawaProduction);

        Assert.Contains(hirakawaUser, seenByHirakawa);
        Assert.DoesNotContain(otherUser, seenByHirakawa);
        Assert.Contains(otherUser, seenByOtherCity);
        Assert.DoesNotContain(hirakawaUser, seenByOtherCity);
        Assert.DoesNotContain(hirakawaUser, seenByHirakawaProduction);
        var otherCityEvents = await bed.InTenantAsync(LineTestBed.OtherCityStaging, (db, _) => db.LineWebhookEvents.Select(e => e.SourceKey).ToListAsync());
        Assert.DoesNotContain($"user:{hirakawaUser}", otherCityEvents);
        Assert.Contains($"user:{otherUser}", otherCityEvents);
    }

    [Fact]
    public async Task Outside_any_tenant_no_tenant_owned_row_can_be_read()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(LineTestBed.HirakawaStaging, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();

        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();

        Assert.Empty(await db.Set<Resident>().ToListAsync());
        Assert.Empty(await db.LineWebhookEvents.ToListAsync());
    }

    [Fact]
    public async Task Writing_another_tenants_row_is_refused()
    {
        var bed = await fixture.GetAsync();
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(LineTestBed.OtherCityStaging, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.InTenantAsync(LineTestBed.HirakawaStaging, async (db, _) =>
        {
            var foreign = await db.Set<Resident>().IgnoreQueryFilters().SingleAsync(r => r.LineUserId == userId);
            foreign.Block(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("cannot be written from hirakawa/staging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_entity_with_tenant_columns_is_tenant_owned_and_filtered()
    {
        var bed = await fixture.GetAsync();
        await using var scope = bed.App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Model;

        var tenantColumnsWithoutFilter = model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ITenantOwned.TenantSlug)) is { IsNullable: false })
            .Where(t => !TenantLevelRecords.Contains(t.ClrType))
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(tenantColumnsWithoutFilter);
        Assert.Contains(model.GetEntityTypes(), t => t.ClrType == typeof(Resident));
    }

    private static Task<List<string>> ResidentsSeenBy(LineTestBed bed, TestChannel channel) =>
        bed.InTenantAsync(channel, (db, _) => db.Set<Resident>().Select(r => r.LineUserId).ToListAsync());
}

public sealed class SqliteTenantIsolationTests(SqliteTestBed fixture) : TenantIsolationTests(fixture), IClassFixture<SqliteTestBed>;

public sealed class PostgresTenantIsolationTests(PostgresTestBed fixture) : TenantIsolationTests(fixture), IClassFixture<PostgresTestBed>;
