using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Persistence;

internal sealed class RichMenusModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new RichMenuConfiguration())
        .ApplyConfiguration(new RichMenuPublicationConfiguration())
        .ApplyConfiguration(new RichMenuCreationConfiguration())
        .ApplyConfiguration(new DisasterModeStateConfiguration())
        .ApplyConfiguration(new RichMenuFileImportConfiguration())
        .ApplyConfiguration(new RichMenuPromotionLinkConfiguration())
        .ApplyConfiguration(new RichMenuSegmentAssignmentConfiguration())
        .ApplyConfiguration(new RichMenuResidentLinkConfiguration())
        .ApplyConfiguration(new RichMenuLinkRunConfiguration());
}
