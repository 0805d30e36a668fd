using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// What every staff action on applications shares: the permission check and the scope. Staff see the applications the
/// city has (paid: 受付 and after) of their own departments, unless they hold <see cref="ApplicationsPermissions.AllDepartments"/>.
/// </summary>
internal sealed class ApplicationsStaff(SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant currentTenant, ApplicationCatalogFiles catalogs)
{
    public SmartBranchDbContext Db => db;

    public ICurrentStaff Member => staff;

    public ApplicationCatalog Catalog => catalogs.For(currentTenant.Required.Tenant);

    /// <returns>The staff member's account id.</returns>
    /// <exception cref="UnauthorizedAccessException">Not signed in, or without <paramref name="permission"/>.</exception>
    public string Require(string permission)
    {
        if (staff.UserId is not { } userId || !staff.HasPermission(permission))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{permission}」が必要です。");
        }

        return userId;
    }

    public ApplicationActor Actor(string userId) => ApplicationActor.Staff(userId, staff.DisplayName);

    /// <summary>The applications this staff member may see.</summary>
    public IQueryable<ResidentApplication> VisibleApplications()
    {
        var statuses = ApplicationQueue.Statuses.ToList();
        var applications = db.Set<ResidentApplication>().Where(a => statuses.Contains(a.Status));
        if (staff.HasPermission(ApplicationsPermissions.AllDepartments))
        {
            return applications;
        }

        var departments = Catalog.Departments.Where(d => staff.Departments.Contains(d.Name)).Select(d => d.Key).ToList();
        return applications.Where(a => departments.Contains(a.DepartmentKey));
    }

    /// <summary>The application with its history, tracked for a change.</summary>
    /// <exception cref="ApplicationRuleException">No such application, or one of another department.</exception>
    public async Task<ResidentApplication> FindAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await VisibleApplications().Include(a => a.History).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
        ?? throw new ApplicationRuleException("申請が見つかりません。別の課・自治体・環境の申請か、番号が違います。");

    public string TypeName(string typeKey) => Catalog.Type(typeKey)?.NameJa ?? typeKey;

    public string DepartmentName(string departmentKey) => Catalog.Department(departmentKey)?.Name ?? departmentKey;
}
