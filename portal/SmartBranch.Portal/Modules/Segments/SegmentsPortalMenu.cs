using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Residents;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Segments;

internal sealed class SegmentsPortalMenu(IStringLocalizer<SegmentsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], SegmentsPage.Path, NavPositions.Residents + 50, ResidentsPermissions.ManageSegments)];
}
