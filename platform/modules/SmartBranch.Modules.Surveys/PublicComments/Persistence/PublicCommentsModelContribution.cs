using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.PublicComments.Persistence;

internal sealed class PublicCommentsModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PublicCommentCaseConfiguration());
        modelBuilder.ApplyConfiguration(new PublicCommentDocumentConfiguration());
        modelBuilder.ApplyConfiguration(new PublicCommentOpinionConfiguration());
    }
}
