using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Broadcast.TestAccounts;

internal sealed class TestAccountsPortalMenu(IStringLocalizer<TestAccountsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], TestAccountsPage.Path, NavPositions.Broadcast + 90, BroadcastPermissions.Compose)];
}
