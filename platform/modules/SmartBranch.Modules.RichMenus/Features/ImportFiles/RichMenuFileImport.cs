using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.ImportFiles;

/// <summary>A menu of the tenant's <c>richmenus.yml</c> that became a menu of the environment: it is never imported again.</summary>
public sealed class RichMenuFileImport : ITenantOwned
{
    private RichMenuFileImport()
    {
    }

    public RichMenuFileImport(string fileMenuName, Guid menuId, DateTimeOffset importedAt)
    {
        FileMenuName = fileMenuName;
        MenuId = menuId;
        ImportedAt = importedAt;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string FileMenuName { get; private init; } = "";
    public Guid MenuId { get; private init; }
    public DateTimeOffset ImportedAt { get; private init; }
}
