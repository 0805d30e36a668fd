using Microsoft.Extensions.Localization;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.RichMenuPublishing;

internal sealed class RichMenuPublishingPortalMenu(IStringLocalizer<RichMenuPublishingText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], RichMenuPublishingPage.Path, NavPositions.RichMenus + 50, RichMenuPermissions.View)];
}
