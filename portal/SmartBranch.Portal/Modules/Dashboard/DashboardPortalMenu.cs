using Microsoft.Extensions.Localization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Dashboard;

internal sealed class DashboardPortalMenu(IStringLocalizer<DashboardText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], "", NavPositions.Dashboard, PortalPermissions.DashboardView)];
}
