using Microsoft.Extensions.Localization;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.RichMenuLinks;

internal sealed class RichMenuLinksPortalMenu(IStringLocalizer<RichMenuLinksText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], RichMenuLinksPage.Path, NavPositions.RichMenus + 60, RichMenuPermissions.View)];
}
