using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Reports;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Reports;

internal sealed class ReportsPortalMenu(IStringLocalizer<ReportsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
    [
        new(text["MenuLabel"], ReportsPaths.Inbox, NavPositions.Reports, ReportsPermissions.View),
        new(text["ApiKeysMenuLabel"], ReportsPaths.ApiKeys, NavPositions.Reports + 1, ReportsPermissions.Api),
    ];
}
