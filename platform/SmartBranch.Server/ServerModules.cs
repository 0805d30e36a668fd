using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Payments;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Residents;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.Surveys;

namespace SmartBranch.Server;

/// <summary>The modules this server runs. A module missing a dependency stops the start-up.</summary>
internal static class ServerModules
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(ResidentsModule),
        typeof(BroadcastModule),
        typeof(ReportsModule),
        typeof(RichMenusModule),
        typeof(SurveysModule),
        typeof(PaymentsModule),
        typeof(ApplicationsModule),
    ];
}
