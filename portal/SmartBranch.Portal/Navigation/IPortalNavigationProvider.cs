namespace SmartBranch.Portal.Navigation;

/// <summary>
/// A module's entries in the tenant portal's navigation (<c>&lt;Module&gt;PortalMenu</c>). The shell
/// collects every provider, orders the items by <see cref="PortalNavItem.Position"/> and shows only
/// those whose permission the signed-in staff member holds.
/// </summary>
public interface IPortalNavigationProvider
{
    /// <summary>Called per render, so labels come in the request's UI culture.</summary>
    IEnumerable<PortalNavItem> GetItems();
}

/// <param name="Label">Already localized.</param>
/// <param name="Path">Relative to the tenant's portal root: <c>staff</c> is <c>/portal/{tenant}/staff</c>; empty is the dashboard.</param>
/// <param name="Position">One of <see cref="NavPositions"/>.</param>
/// <param name="Permission">The permission (and policy) the page behind it requires.</param>
public sealed record PortalNavItem(string Label, string Path, int Position, string Permission);

/// <summary>Where each area sits in the navigation; gaps leave room for modules in between.</summary>
public static class NavPositions
{
    public const int Dashboard = 0;
    public const int Residents = 100;
    public const int Broadcast = 200;
    public const int Surveys = 300;
    public const int Reports = 400;
    public const int Applications = 500;
    public const int RichMenus = 600;
    public const int Audit = 800;
    public const int DataExport = 850;
    public const int Staff = 900;
    public const int AccessGrants = 950;
    public const int Help = 990;
}
