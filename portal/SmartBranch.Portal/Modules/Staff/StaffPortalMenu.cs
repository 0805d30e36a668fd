using SmartBranch.Kernel.Authorization;
using Microsoft.Extensions.Localization;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Staff;

internal sealed class StaffPortalMenu(IStringLocalizer<StaffText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], "staff", NavPositions.Staff, KernelPermissions.StaffManage)];
}
