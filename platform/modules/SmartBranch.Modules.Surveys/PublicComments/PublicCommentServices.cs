using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.PublicComments.Closing;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Persistence;

namespace SmartBranch.Modules.Surveys.PublicComments;

/// <summary>Public comments (パブリックコメント), part of the Surveys module: staff run cases at <see cref="PublicCommentDesk"/>; residents read and comment on the pages of <see cref="PublicCommentPageEndpoints"/>.</summary>
internal static class PublicCommentServices
{
    /// <param name="worker">This process runs background work: it closes cases at the end of their period.</param>
    public static IServiceCollection AddPublicComments(this IServiceCollection services, bool worker)
    {
        services.AddModelContribution<PublicCommentsModelContribution>();
        services.AddSingleton<IPermissionProvider, PublicCommentsPermissions>();
        services.AddScoped<PublicCommenting>();
        services.AddScoped(sp => new PublicCommentDesk(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ILineMessenger>(),
            sp.GetRequiredService<ResidentPageLinks>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IPublicCommentDesk>(sp => sp.GetRequiredService<PublicCommentDesk>());
        services.AddScoped(sp => new PublicCommentOpinionsExport(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>()));
        if (worker)
        {
            services.AddHostedService<PublicCommentCloser>();
        }

        return services;
    }
}
