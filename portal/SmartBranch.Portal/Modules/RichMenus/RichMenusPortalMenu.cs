using Microsoft.Extensions.Localization;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.RichMenus;

internal sealed class RichMenusPortalMenu(IStringLocalizer<RichMenusText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], RichMenusPaths.List, NavPositions.RichMenus, RichMenuPermissions.View)];
}
