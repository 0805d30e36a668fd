using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Surveys;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Surveys;

internal sealed class SurveysPortalMenu(IStringLocalizer<SurveysText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], SurveysPaths.List, NavPositions.Surveys, SurveysPermissions.View)];
}
