using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.DataExport;

internal sealed class DataExportPortalMenu(IStringLocalizer<DataExportText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], "data-export", NavPositions.DataExport, KernelPermissions.TenantExport)];
}
