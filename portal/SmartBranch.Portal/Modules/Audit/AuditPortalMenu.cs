using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Audit;

internal sealed class AuditPortalMenu(IStringLocalizer<AuditText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], "audit", NavPositions.Audit, KernelPermissions.AuditView)];
}
