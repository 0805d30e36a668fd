using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>A production menu and the staging menu it was promoted from, so that the next promotion updates it.</summary>
public sealed class RichMenuPromotionLink : ITenantOwned
{
    private RichMenuPromotionLink()
    {
    }

    public RichMenuPromotionLink(Guid productionMenuId, Guid stagingMenuId)
    {
        ProductionMenuId = productionMenuId;
        StagingMenuId = stagingMenuId;
    }

    public Guid ProductionMenuId { get; private init; }
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid StagingMenuId { get; private init; }
}
