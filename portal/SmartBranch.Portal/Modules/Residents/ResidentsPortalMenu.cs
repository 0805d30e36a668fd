using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Residents;

internal sealed class ResidentsPortalMenu(IStringLocalizer<ResidentsText> text) : IPortalNavigationProvider
{
    public const string Path = "residents";

    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], Path, NavPositions.Residents, IResidentDirectory.ViewPermission)];
}
