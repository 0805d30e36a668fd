using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>The rich menu editor's addresses.</summary>
public static class RichMenusPaths
{
    public const string List = "richmenus";

    public static string Menus(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, List);

    public static string New(string tenantSlug) => $"{Menus(tenantSlug)}/new";

    public static string Edit(string tenantSlug, Guid menuId) => $"{Menus(tenantSlug)}/{menuId}";

    public static string Image(string tenantSlug, Guid menuId) => $"{Edit(tenantSlug, menuId)}/image";
}
