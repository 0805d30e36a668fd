using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Cases;

/// <summary>
/// What every staff action on reports shares: the permission check and the department scope (staff see the cases of
/// their own departments unless they hold <see cref="ReportsPermissions.AllDepartments"/>).
/// </summary>
internal sealed class ReportsStaff(SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant currentTenant, ReportCatalogFiles catalogs)
{
    public SmartBranchDbContext Db => db;

    public ICurrentStaff Member => staff;

    public ReportCatalog Catalog => catalogs.For(currentTenant.Required);

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

    /// <summary>The cases this staff member may see.</summary>
    public IQueryable<ReportCase> VisibleCases()
    {
        var cases = db.Set<ReportCase>().AsQueryable();
        if (staff.HasPermission(ReportsPermissions.AllDepartments))
        {
            return cases;
        }

        var departments = Catalog.Departments.Where(d => staff.Departments.Contains(d.Name)).Select(d => d.Key).ToList();
        return cases.Where(c => departments.Contains(c.DepartmentKey));
    }

    /// <exception cref="ReportRuleException">No such case, or one of another department.</exception>
    public async Task<ReportCase> FindAsync(Guid caseId, CancellationToken cancellationToken) =>
        await VisibleCases().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
        ?? throw new ReportRuleException("通報が見つかりません。別の課・自治体・環境の通報か、番号が違います。");
}
