using Microsoft.Extensions.Localization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Help;

internal sealed class HelpPortalMenu(IStringLocalizer<HelpText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], ManualRoutes.Help, NavPositions.Help, PortalPermissions.HelpView)];
}
