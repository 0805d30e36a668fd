using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.PublicComments;

internal sealed class PublicCommentsPortalMenu(IStringLocalizer<PublicCommentsText> text) : IPortalNavigationProvider
{
    // Next to surveys: both gather residents' opinions.
    private const int Position = NavPositions.Surveys + 50;

    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], PublicCommentsPaths.List, Position, PublicCommentsPermissions.View)];
}
