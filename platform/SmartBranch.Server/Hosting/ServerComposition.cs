using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartBranch.Identity;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Kernel.Modules;
using SmartBranch.Line;
using SmartBranch.Modules.Reports.Notifications;
using SmartBranch.Portal;
using SmartBranch.Server.Backups;
using SmartBranch.Server.Incidents;
using SmartBranch.Server.Persistence;
using SmartBranch.Server.Reports;
using SmartBranch.Server.Scheduling;

namespace SmartBranch.Server.Hosting;

internal static class ServerComposition
{
    public static WebApplicationBuilder AddSmartBranchServer(this WebApplicationBuilder builder)
    {
        var roles = builder.Configuration.GetValue("Server:Roles", ServerRoles.All);
        builder.Services.AddProblemDetails();
        builder.AddSmartBranchDatabase();
        builder.AddEmbeddedLineEmulator();
        builder.AddJpkiWithSandboxDefaults();
        builder.Services.AddLineMessagingClient();
        builder.Services.AddSmartBranchKernel(builder.Configuration, ModuleCatalog.From(ServerModules.All), roles);
        builder.AddKeyRingEncryption();
        builder.AddSmartBranchTelemetry();
        builder.AddProxyHeaders();
        builder.AddSmartBranchScheduling(roles);
        builder.AddSmartBranchBackups(roles);
        builder.Services.AddSmartBranchIncidentAlerts(builder.Configuration, roles);
        builder.Services.AddSmartBranchIdentity(builder.Configuration, builder.Environment);
        builder.Services.AddSmartBranchPortal();
        builder.Services.AddScoped<IReportMailSender, StaffEmailReportMailSender>();
        return builder;
    }

    public static WebApplication UseSmartBranchServer(this WebApplication app)
    {
        app.UseProxyHeaders();
        app.UseSmartBranchSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestOutcomeCounting();
        app.UseSmartBranchTenancy();
        app.UseMaintenanceWindows();
        app.UseSmartBranchIdentity();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthReportAsync,
        });
        app.MapSmartBranchMetrics();
        app.MapSmartBranchKernel();
        app.MapSmartBranchIdentity();
        app.MapSmartBranchPortal();
        return app;
    }

    private static Task WriteHealthReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}
