using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>Names that exist in both languages, picked by the UI culture.</summary>
public static class LocalizedNames
{
    public static string DisplayName(this TenantDefinition tenant) =>
        PortalCultures.IsEnglish && tenant.NameEn.Length > 0 ? tenant.NameEn : tenant.Name;

    public static string EnvironmentName(this IStringLocalizer<ShellText> text, string environment) =>
        text[$"Environment_{environment}"] is { ResourceNotFound: false } found ? found : environment;

    public static string RoleName(this IStringLocalizer<ShellText> text, string role) =>
        text[$"Role_{role}"] is { ResourceNotFound: false } found ? found : role;
}
