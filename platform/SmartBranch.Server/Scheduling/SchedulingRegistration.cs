using SmartBranch.Kernel;
using SmartBranch.Kernel.Scheduling;
using SmartBranch.Server.Persistence;

namespace SmartBranch.Server.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>The scheduler on worker processes, clustered over the database on PostgreSQL.</summary>
    public static WebApplicationBuilder AddSmartBranchScheduling(this WebApplicationBuilder builder, ServerRoles roles)
    {
        var postgres = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Postgres;
        builder.Services.AddSmartBranchScheduling(roles, postgres ? builder.Configuration.GetConnectionString("Default") : null);
        return builder;
    }
}
