using Microsoft.AspNetCore.Components;

namespace SmartBranch.Portal.Shell;

internal static class ReturnAddress
{
    /// <summary>The current page as a site-relative address, for a form that should come back to it.</summary>
    public static string Current(NavigationManager navigation) => "/" + navigation.ToBaseRelativePath(navigation.Uri);
}
