using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.IntegrationTests.Kernel.Audit;

/// <summary>The audit log is append-only and tamper-evident: a hash chain per tenant, verified from the first entry.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Appends_form_one_valid_chain_per_tenant_and_one_for_the_platform()
    {
        await using var kernel = await KernelHarness.StartAsync();

        await RecordAsync(kernel, "hirakawa", TestStaff.Member("u-1"), "residents.profile.viewed", personal: true);
        await RecordAsync(kernel, "hirakawa", null, "residents.followed");
        await RecordAsync(kernel, null, TestStaff.Operator(), "tenant.created");

        var entries = await EntriesAsync(kernel);
        var hirakawa = entries.Where(e => e.Chain == "hirakawa").ToList();
        Assert.Equal([1L, 2L], hirakawa.Select(e => e.Sequence));
        Assert.Equal(AuditEntryHash.Genesis, hirakawa[0].PreviousHash);
        Assert.Equal(hirakawa[0].Hash, hirakawa[1].PreviousHash);
        Assert.Equal((AuditActorKind.Staff, "u-1", "職員 u-1", true), (hirakawa[0].ActorKind, hirakawa[0].ActorUserId, hirakawa[0].ActorDisplayName, hirakawa[0].TouchesPersonalData));
        Assert.Equal((AuditActorKind.System, "system"), (hirakawa[1].ActorKind, hirakawa[1].ActorUserId));
        var platform = Assert.Single(entries, e => e.Chain == AuditChains.Platform);
        Assert.Equal((AuditActorKind.Operator, (string?)null), (platform.ActorKind, platform.TenantSlug));

        var result = await VerifyAsync(kernel);
        Assert.True(result.IsIntact, result.ToString());
        Assert.Equal((2, 3L), (result.ChainsChecked, result.EntriesChecked));
    }

    [Fact]
    public async Task A_row_edited_in_the_database_is_detected_at_that_row()
    {
        await using var kernel = await KernelHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(kernel, "hirakawa", TestStaff.Member("u-1"), "residents.profile.viewed");
        }

        await kernel.ExecuteSqlAsync("UPDATE kernel_audit_entries SET actor_user_id = 'someone-else' WHERE chain = 'hirakawa' AND sequence = 3");

        var broken = (await VerifyAsync(kernel)).FirstBreak;
        Assert.Equal(("hirakawa", 3L), (broken?.Chain, broken?.Sequence));
        Assert.Contains("内容が変更", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_deleted_from_the_database_is_detected_at_that_row()
    {
        await using var kernel = await KernelHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(kernel, "hirakawa", TestStaff.Member("u-1"), "residents.profile.viewed");
        }

        await kernel.ExecuteSqlAsync("DELETE FROM kernel_audit_entries WHERE chain = 'hirakawa' AND sequence = 2");

        var result = await VerifyAsync(kernel);
        Assert.Equal(("hirakawa", 2L), (result.FirstBreak?.Chain, result.FirstBreak?.Sequence));
        Assert.Contains("削除", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rehashed_edit_still_breaks_the_link_to_the_next_row()
    {
        await using var kernel = await KernelHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(kernel, "hirakawa", null, "residents.followed");
        }

        await kernel.ExecuteSqlAsync($"UPDATE kernel_audit_entries SET hash = '{new string('a', 64)}' WHERE chain = 'hirakawa' AND sequence = 1");

        var broken = (await VerifyAsync(kernel)).FirstBreak;
        Assert.Equal(1L, broken?.Sequence);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Concurrent_appends_from_parallel_scopes_keep_one_valid_chain(TestDatabaseKind kind)
    {
        await using var kernel = await KernelHarness.StartAsync(kind);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await RecordAsync(kernel, "hirakawa", TestStaff.Member($"u-{worker}"), "residents.profile.viewed");
            }
        })));

        var result = await VerifyAsync(kernel);
        Assert.True(result.IsIntact, result.ToString());
        Assert.Equal(60L, result.EntriesChecked);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), (await EntriesAsync(kernel)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_verify_audit_command_prints_the_result_and_exits_1_on_a_break()
    {
        await using var kernel = await KernelHarness.StartAsync();
        await RecordAsync(kernel, "hirakawa", null, "residents.followed");
        await RecordAsync(kernel, "hirakawa", null, "residents.followed");

        var intact = new StringWriter();
        Assert.Equal(0, await AuditVerificationCommand.RunAsync(kernel.Services, intact));
        Assert.Contains("改ざんされていません", intact.ToString(), StringComparison.Ordinal);

        await kernel.ExecuteSqlAsync("UPDATE kernel_audit_entries SET summary = '書き換え' WHERE sequence = 2");
        var broken = new StringWriter();
        Assert.Equal(1, await AuditVerificationCommand.RunAsync(kernel.Services, broken));
        Assert.Contains("hirakawa の 2 番", broken.ToString(), StringComparison.Ordinal);
    }

    internal static Task RecordAsync(
        KernelHarness kernel, string? tenant, TestStaff? staff, string action, bool personal = false,
        string? targetType = null, string? targetId = null, string? summary = null) =>
        kernel.InScopeAsync(async services =>
        {
            await services.GetRequiredService<IAuditLog>().RecordAsync(
                new AuditRecord(action, targetType, targetId, summary, personal), CancellationToken.None);
            return true;
        }, staff, tenant);

    private static Task<AuditChainVerification> VerifyAsync(KernelHarness kernel) =>
        kernel.InScopeAsync(services => services.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None));

    private static Task<List<AuditEntry>> EntriesAsync(KernelHarness kernel) =>
        kernel.InScopeAsync(services => services.GetRequiredService<SmartBranchDbContext>().AuditEntries
            .OrderBy(e => e.Chain).ThenBy(e => e.Sequence).ToListAsync());
}
