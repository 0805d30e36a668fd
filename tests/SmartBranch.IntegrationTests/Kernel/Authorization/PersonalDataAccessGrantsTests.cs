using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.IntegrationTests.Kernel.Authorization;

/// <summary>Break-glass: an operator sees a tenant's personal data only with a reason, a time limit and a trail.</summary>
public sealed class PersonalDataAccessGrantsTests : IAsyncLifetime
{
    private static readonly TestStaff Operator = TestStaff.Operator("op-1");
    private static readonly TestStaff HirakawaAdmin = TestStaff.Member("admin-1", KernelPermissions.AccessGrantsApprove);

    private KernelHarness _kernel = null!;

    public async ValueTask InitializeAsync()
    {
        _kernel = await KernelHarness.StartAsync();
        await _kernel.InScopeAsync(s => s.GetRequiredService<ITenantAdministration>()
            .CreateAsync(new NewTenant("other", "他市", "Other City", ["staging"]), CancellationToken.None));
    }

    public async ValueTask DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public async Task A_request_grants_nothing_until_a_tenant_admin_approves_it_for_its_time_limit()
    {
        var request = await RequestAsync(TimeSpan.FromHours(2), emergency: false);
        Assert.Equal(PersonalDataAccessGrantState.Pending, request.State);
        Assert.False(await HasActiveGrantAsync());

        _kernel.Clock.Advance(TimeSpan.FromMinutes(30));
        var approved = await Grants(g => g.ApproveAsync(request.Id, CancellationToken.None), HirakawaAdmin, "hirakawa");
        Assert.Equal((PersonalDataAccessGrantState.Active, "admin-1"), (approved.State, approved.ApprovedByUserId));
        Assert.Equal(_kernel.Clock.GetUtcNow() + TimeSpan.FromHours(2), approved.ExpiresAt);
        Assert.True(await HasActiveGrantAsync());
        Assert.True(await HasActiveGrantAsync());
        Assert.False(await HasActiveGrantAsync(tenant: "other"));

        Assert.Equal(["access-grant.used", "access-grant.approved", "access-grant.requested"], await AuditedActionsAsync());
    }

    [Fact]
    public async Task An_emergency_grant_is_active_at_once_and_says_so_in_the_log()
    {
        var grant = await RequestAsync(TimeSpan.FromHours(1), emergency: true);

        Assert.Equal(PersonalDataAccessGrantState.Active, grant.State);
        Assert.True(await HasActiveGrantAsync());
        var opened = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(Action: "access-grant.emergency-opened"), 1, 10, CancellationToken.None), tenantSlug: "hirakawa");
        var entry = Assert.Single(opened.Entries);
        Assert.Equal((AuditActorKind.Operator, "op-1"), (entry.ActorKind, entry.ActorUserId));
        Assert.Contains("【緊急】", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_ends_at_its_time_limit_and_its_expiry_is_audited_once()
    {
        await RequestAsync(TimeSpan.FromMinutes(90), emergency: true);

        _kernel.Clock.Advance(TimeSpan.FromMinutes(90));

        Assert.False(await HasActiveGrantAsync());
        Assert.Equal(1, await _kernel.InScopeAsync(s => s.GetRequiredService<PersonalDataAccessGrants>().RecordExpiriesAsync(CancellationToken.None)));
        Assert.Equal(0, await _kernel.InScopeAsync(s => s.GetRequiredService<PersonalDataAccessGrants>().RecordExpiriesAsync(CancellationToken.None)));
        Assert.Equal("access-grant.expired", (await AuditedActionsAsync())[0]);
        var listed = Assert.Single(await Grants(g => g.ListAsync("hirakawa", CancellationToken.None), HirakawaAdmin, "hirakawa"));
        Assert.Equal(PersonalDataAccessGrantState.Expired, listed.State);
    }

    [Fact]
    public async Task The_operator_or_the_admin_can_end_a_grant_early()
    {
        var grant = await RequestAsync(TimeSpan.FromHours(4), emergency: true);

        await Grants(async g => { await g.RevokeAsync(grant.Id, CancellationToken.None); return true; }, Operator);

        Assert.False(await HasActiveGrantAsync());
        Assert.Equal("access-grant.revoked", (await AuditedActionsAsync())[0]);
    }

    [Fact]
    public async Task Requests_and_approvals_that_break_the_rules_are_refused_in_Japanese()
    {
        await Refused("運用事業者だけ", () => Grants(g => g.RequestAsync("hirakawa", "調査", TimeSpan.FromHours(1), false, CancellationToken.None), HirakawaAdmin, "hirakawa"));
        await Refused("4 時間以内", () => RequestAsync(TimeSpan.FromHours(5), emergency: true));
        await Refused("理由", () => Grants(g => g.RequestAsync("hirakawa", " ", TimeSpan.FromHours(1), false, CancellationToken.None), Operator));
        await Refused("自治体が見つかりません", () => Grants(g => g.RequestAsync("nowhere", "調査", TimeSpan.FromHours(1), false, CancellationToken.None), Operator));

        var request = await RequestAsync(TimeSpan.FromHours(1), emergency: false);
        await Refused("管理者だけ", () => Grants(g => g.ApproveAsync(request.Id, CancellationToken.None), Operator));
        await Refused("管理者だけ", () => Grants(g => g.ApproveAsync(request.Id, CancellationToken.None), HirakawaAdmin, "other"));
        await Refused("管理者だけ", () => Grants(g => g.ApproveAsync(request.Id, CancellationToken.None), TestStaff.Member("staff-1"), "hirakawa"));
        Assert.False(await HasActiveGrantAsync());
    }

    private Task<PersonalDataAccessGrant> RequestAsync(TimeSpan duration, bool emergency) =>
        Grants(g => g.RequestAsync("hirakawa", "住民からの問い合わせ #123 の調査", duration, emergency, CancellationToken.None), Operator);

    private Task<bool> HasActiveGrantAsync(string tenant = "hirakawa") =>
        Grants(g => g.HasActiveGrantAsync("op-1", tenant, CancellationToken.None), Operator);

    private Task<T> Grants<T>(Func<IPersonalDataAccessGrants, Task<T>> work, TestStaff staff, string? tenant = null) =>
        _kernel.InScopeAsync(s => work(s.GetRequiredService<IPersonalDataAccessGrants>()), staff, tenant);

    private async Task<List<string>> AuditedActionsAsync()
    {
        var page = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(Action: "access-grant"), 1, 50, CancellationToken.None), tenantSlug: "hirakawa");
        return page.Entries.Select(e => e.Action).ToList();
    }

    private static async Task Refused<T>(string message, Func<Task<T>> attempt)
    {
        var error = await Assert.ThrowsAsync<PersonalDataAccessGrantException>(attempt);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
