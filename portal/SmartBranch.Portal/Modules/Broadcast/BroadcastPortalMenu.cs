using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Broadcast;

internal sealed class BroadcastPortalMenu(IStringLocalizer<DeliveryText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], BroadcastPaths.History, NavPositions.Broadcast, BroadcastPermissions.View)];
}
