using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.IntegrationTests.Kernel.Audit;

/// <summary>Tenant admins search their own tenant's log and export it as CSV for Excel.</summary>
public sealed class AuditLogSearchTests : IAsyncLifetime
{
    private KernelHarness _kernel = null!;
    private DateTimeOffset _secondDay;

    public async ValueTask InitializeAsync()
    {
        _kernel = await KernelHarness.StartAsync();
        await _kernel.InScopeAsync(s => s.GetRequiredService<ITenantAdministration>()
            .CreateAsync(new NewTenant("other", "他市", "Other City", ["staging"]), CancellationToken.None));

        var tanaka = TestStaff.Member("tanaka");
        var suzuki = TestStaff.Member("suzuki");
        await AuditLogTests.RecordAsync(_kernel, "hirakawa", tanaka, "residents.profile.viewed", personal: true, "resident", "r-1", "住民の詳細を表示しました。");
        await AuditLogTests.RecordAsync(_kernel, "hirakawa", tanaka, "residents.list.exported", personal: true, "resident", null, "住民一覧を出力, 全件");
        _kernel.Clock.Advance(TimeSpan.FromDays(1));
        _secondDay = _kernel.Clock.GetUtcNow();
        await AuditLogTests.RecordAsync(_kernel, "hirakawa", suzuki, "staff.invited", false, "staff", "s-9", "=HYPERLINK(\"x\")");
        await AuditLogTests.RecordAsync(_kernel, "hirakawa", suzuki, "broadcast.sent", false, "broadcast", "b-1", "配信しました。");
        await AuditLogTests.RecordAsync(_kernel, "other", TestStaff.Member("other-admin"), "residents.profile.viewed", personal: true, "resident", "r-1");
    }

    public async ValueTask DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public async Task Every_filter_narrows_the_tenants_own_entries_newest_first()
    {
        Assert.Equal(["broadcast.sent", "staff.invited", "residents.list.exported", "residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter())));
        Assert.Equal(["broadcast.sent", "staff.invited"], Actions(await SearchAsync(new AuditSearchFilter(From: _secondDay))));
        Assert.Equal(["residents.list.exported", "residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(Until: _secondDay))));
        Assert.Equal(["broadcast.sent", "staff.invited"], Actions(await SearchAsync(new AuditSearchFilter(ActorUserId: "suzuki"))));
        Assert.Equal(["residents.list.exported", "residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(Action: "residents"))));
        Assert.Equal(["residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(Action: "residents.profile.viewed"))));
        Assert.Equal(["residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(TargetType: "resident", TargetId: "r-1"))));
        Assert.Equal(["residents.list.exported", "residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(PersonalDataOnly: true))));
        Assert.Equal(["broadcast.sent"], Actions(await SearchAsync(new AuditSearchFilter(Text: "配信"))));
        Assert.Equal(["residents.profile.viewed"], Actions(await SearchAsync(new AuditSearchFilter(Text: "r-1"))));
        Assert.Equal(["broadcast.sent", "staff.invited"], Actions(await SearchAsync(new AuditSearchFilter(Text: "suzuki"))));
    }

    [Fact]
    public async Task The_actor_choices_are_the_tenants_own_actors()
    {
        var actors = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>().ListActorsAsync(CancellationToken.None),
            TestStaff.Member("admin"), "hirakawa");

        Assert.Equal(["suzuki", "tanaka"], actors.Select(a => a.UserId).Order(StringComparer.Ordinal));
        Assert.All(actors, a => Assert.Equal(AuditActorKind.Staff, a.Kind));
    }

    [Fact]
    public async Task Verifying_checks_the_tenants_own_chain_only()
    {
        await _kernel.ExecuteSqlAsync("UPDATE kernel_audit_entries SET summary = 'changed' WHERE chain = 'other'");

        var verification = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>().VerifyAsync(CancellationToken.None),
            TestStaff.Member("admin"), "hirakawa");

        Assert.True(verification.IsIntact);
        Assert.Equal(4, verification.EntriesChecked);

        await _kernel.ExecuteSqlAsync("UPDATE kernel_audit_entries SET summary = 'changed' WHERE chain = 'hirakawa' AND sequence = 2");
        var tampered = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>().VerifyAsync(CancellationToken.None),
            TestStaff.Member("admin"), "hirakawa");

        Assert.Equal(("hirakawa", 2L), (tampered.FirstBreak?.Chain, tampered.FirstBreak?.Sequence));
    }

    [Fact]
    public async Task Pages_carry_the_total()
    {
        var second = await SearchAsync(new AuditSearchFilter(), page: 2, pageSize: 3);

        Assert.Equal((4, 2, 3), (second.TotalCount, second.Page, second.PageSize));
        Assert.Equal(["residents.profile.viewed"], Actions(second));
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_BOM_quoted_safe_for_spreadsheets_and_itself_audited()
    {
        using var output = new MemoryStream();
        await _kernel.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IAuditLogSearch>().ExportCsvAsync(new AuditSearchFilter(), output, CancellationToken.None);
            return true;
        }, TestStaff.Member("tanaka"), "hirakawa");

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("番号,日時(UTC),環境,操作者の種別,操作者ID,操作者,操作", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"x\"\")\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"住民一覧を出力, 全件\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("other-admin", StringComparison.Ordinal));

        var exported = Assert.Single((await SearchAsync(new AuditSearchFilter(Action: "audit.exported"))).Entries);
        Assert.Equal("tanaka", exported.ActorUserId);
    }

    private Task<AuditSearchPage> SearchAsync(AuditSearchFilter filter, int page = 1, int pageSize = 50) =>
        _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>().SearchAsync(filter, page, pageSize, CancellationToken.None),
            TestStaff.Member("admin"), "hirakawa");

    private static IEnumerable<string> Actions(AuditSearchPage page) => page.Entries.Select(e => e.Action);
}
