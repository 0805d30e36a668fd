using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Applications;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Applications;

internal sealed class ApplicationsPortalMenu(IStringLocalizer<ApplicationsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
    [
        new(text["MenuLabel"], ApplicationsPaths.Queue, NavPositions.Applications, ApplicationsPermissions.View),
        new(text["CatalogMenuLabel"], ApplicationsPaths.Catalog, NavPositions.Applications + 1, ApplicationsPermissions.ManageCatalog),
    ];
}
