using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.AccessGrants;

internal sealed class AccessGrantsPortalMenu(IStringLocalizer<AccessGrantsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], AccessGrantsPage.Path, NavPositions.AccessGrants, KernelPermissions.AccessGrantsApprove)];
}
