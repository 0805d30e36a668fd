using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Payments;
using SmartBranch.Portal.Navigation;

namespace SmartBranch.Portal.Modules.Payments;

/// <summary>The reconciliation page, listed with the applications whose fees it shows.</summary>
internal sealed class PaymentsPortalMenu(IStringLocalizer<PaymentsText> text) : IPortalNavigationProvider
{
    public IEnumerable<PortalNavItem> GetItems() =>
        [new(text["MenuLabel"], PaymentsPaths.Reconciliation, NavPositions.Applications + 2, PaymentsPermissions.View)];
}
