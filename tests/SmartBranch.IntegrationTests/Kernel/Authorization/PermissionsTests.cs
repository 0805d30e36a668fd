using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents;

namespace SmartBranch.IntegrationTests.Kernel.Authorization;

/// <summary>Permissions are declared by the kernel and the modules, documented, defaulted by role and changed per tenant.</summary>
public sealed class PermissionsTests : IAsyncLifetime
{
    private KernelHarness _kernel = null!;

    public async ValueTask InitializeAsync()
    {
        _kernel = await KernelHarness.StartAsync();
        await _kernel.InScopeAsync(s => s.GetRequiredService<ITenantAdministration>()
            .CreateAsync(new NewTenant("other", "他市", "Other City", ["staging"]), CancellationToken.None));
    }

    public async ValueTask DisposeAsync() => await _kernel.DisposeAsync();

    private PermissionRegistry Registry => _kernel.Services.GetRequiredService<PermissionRegistry>();

    [Fact]
    public void The_registry_holds_the_kernels_and_every_modules_permissions()
    {
        var names = Registry.All.Select(p => p.Name).ToList();

        Assert.Contains(KernelPermissions.StaffManage, names);
        Assert.Contains(KernelPermissions.AuditView, names);
        Assert.Contains(KernelPermissions.AuditExport, names);
        Assert.Contains(KernelPermissions.TenantSettings, names);
        Assert.Contains(ResidentsPermissions.View, names);
    }

    [Fact]
    public void The_permissions_document_lists_exactly_the_registered_permissions()
    {
        var rendered = PermissionsDocument.Render(Registry);
        if (Environment.GetEnvironmentVariable("UPDATE_PERMISSIONS_DOC") == "1")
        {
            File.WriteAllText(PermissionsDocument.Path, rendered);
        }

        Assert.True(File.Exists(PermissionsDocument.Path), "docs/permissions.md is missing; run the tests with UPDATE_PERMISSIONS_DOC=1.");
        Assert.True(rendered == File.ReadAllText(PermissionsDocument.Path),
            "docs/permissions.md differs from the registered permissions; run the tests with UPDATE_PERMISSIONS_DOC=1 and commit it.");
    }

    [Fact]
    public async Task Every_role_holds_every_permission_exactly_as_documented()
    {
        var documented = PermissionsDocument.ReadMatrix(File.ReadAllText(PermissionsDocument.Path));

        Assert.Equal(PermissionsDocument.Roles.Count * Registry.All.Count, documented.Count);
        foreach (var role in PermissionsDocument.Roles)
        {
            var held = await PermissionsForAsync("hirakawa", role);
            foreach (var permission in Registry.All)
            {
                Assert.True(documented[(role, permission.Name)] == held.Contains(permission.Name),
                    $"{role} × {permission.Name}: documented {documented[(role, permission.Name)]}, held {held.Contains(permission.Name)}");
            }
        }
    }

    [Fact]
    public async Task Operators_hold_no_tenant_permission()
    {
        Assert.Empty(await PermissionsForAsync("hirakawa", StaffRoles.Operator));
        Assert.All(Registry.All, p => Assert.DoesNotContain(StaffRoles.Operator, p.DefaultRoles));
    }

    [Fact]
    public async Task A_tenant_changes_its_own_matrix_only_and_the_change_is_audited()
    {
        await SetAsync("hirakawa", StaffRoles.Viewer, ResidentsPermissions.View, false);
        await SetAsync("hirakawa", StaffRoles.Contractor, KernelPermissions.AuditView, true);

        Assert.DoesNotContain(ResidentsPermissions.View, await PermissionsForAsync("hirakawa", StaffRoles.Viewer));
        Assert.Contains(KernelPermissions.AuditView, await PermissionsForAsync("hirakawa", StaffRoles.Contractor));
        Assert.Contains(ResidentsPermissions.View, await PermissionsForAsync("other", StaffRoles.Viewer));
        var matrix = await _kernel.InScopeAsync(s => s.GetRequiredService<IRolePermissions>().GetMatrixAsync("hirakawa", CancellationToken.None));
        Assert.Contains(new RolePermissionSetting(StaffRoles.Viewer, ResidentsPermissions.View, false, false), matrix);
        Assert.Contains(new RolePermissionSetting(StaffRoles.Staff, ResidentsPermissions.View, true, true), matrix);

        await SetAsync("hirakawa", StaffRoles.Viewer, ResidentsPermissions.View, true);
        matrix = await _kernel.InScopeAsync(s => s.GetRequiredService<IRolePermissions>().GetMatrixAsync("hirakawa", CancellationToken.None));
        Assert.Contains(new RolePermissionSetting(StaffRoles.Viewer, ResidentsPermissions.View, true, true), matrix);

        var audited = await _kernel.InScopeAsync(s => s.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(Action: "permissions"), 1, 10, CancellationToken.None), tenantSlug: "hirakawa");
        Assert.Equal(["permissions.granted", "permissions.granted", "permissions.revoked"], audited.Entries.Select(e => e.Action));
    }

    [Theory]
    [InlineData(StaffRoles.Admin, KernelPermissions.StaffManage, false, "管理者から「職員の管理」の権限は外せません")]
    [InlineData(StaffRoles.Operator, ResidentsPermissions.View, true, "役割「operator」はありません")]
    [InlineData(StaffRoles.Staff, "residents.nothing", true, "権限「residents.nothing」はありません")]
    public async Task Changes_that_cannot_be_made_are_refused_in_Japanese(string role, string permission, bool granted, string message)
    {
        var error = await Assert.ThrowsAsync<RolePermissionsException>(() => SetAsync("hirakawa", role, permission, granted));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permission_name_is_a_policy_that_asks_the_current_staff_member()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-1")], "test"));

        Assert.True(await AuthorizeAsync(TestStaff.Member("u-1", KernelPermissions.AuditView), user, KernelPermissions.AuditView));
        Assert.False(await AuthorizeAsync(TestStaff.Member("u-1", ResidentsPermissions.View), user, KernelPermissions.AuditView));
        Assert.False(await AuthorizeAsync(null, user, KernelPermissions.AuditView));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AuthorizeAsync(TestStaff.Member("u-1"), user, "audit.veiw"));
        Assert.Contains("audit.veiw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_declarations_stop_the_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => new PermissionRegistry([new KernelPermissions(), new KernelPermissions()]));
        Assert.Throws<InvalidOperationException>(() => new PermissionRegistry([new SinglePermission(new Permission("Residents View", "x", "x", []))]));
        Assert.Throws<InvalidOperationException>(() => new PermissionRegistry([new SinglePermission(new Permission("residents.peek", "x", "x", [StaffRoles.Operator]))]));
    }

    private Task<IReadOnlySet<string>> PermissionsForAsync(string tenant, string role) =>
        _kernel.InScopeAsync(s => s.GetRequiredService<IRolePermissions>().PermissionsForAsync(tenant, [role], CancellationToken.None));

    private Task<bool> SetAsync(string tenant, string role, string permission, bool granted) =>
        _kernel.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IRolePermissions>().SetAsync(tenant, role, permission, granted, CancellationToken.None);
            return true;
        }, TestStaff.Member("admin", KernelPermissions.StaffManage), tenant);

    private Task<bool> AuthorizeAsync(TestStaff? staff, ClaimsPrincipal user, string policy) =>
        _kernel.InScopeAsync(async s => (await s.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy)).Succeeded, staff);

    private sealed class SinglePermission(Permission permission) : IPermissionProvider
    {
        public IReadOnlyList<Permission> Permissions { get; } = [permission];
    }
}
