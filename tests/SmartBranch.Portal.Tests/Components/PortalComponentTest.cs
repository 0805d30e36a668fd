using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Health;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Portal.Navigation;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>A bUnit context with the portal's services, fakes for the kernel's, and Japanese unless a test says otherwise.</summary>
public abstract class PortalComponentTest : BunitContext
{
    internal FakeCurrentStaff Staff { get; } = new();

    internal FakeStaffDirectory StaffDirectory { get; } = new();

    internal FakeTenantAdministration Administration { get; } = new();

    internal FakeAccessGrants AccessGrants { get; } = new();

    internal FakeApiClients ApiClients { get; } = new();

    internal FakeTenantAdminInvitations AdminInvitations { get; } = new();

    internal FixedTenantHealth Health { get; } = new();

    internal InMemoryTenantCatalog Catalog { get; } = new(TestTenants.Hirakawa);

    internal RecordingStaffLoader StaffLoader { get; } = new();

    internal FakeIncidentConsole Incidents { get; } = new();

    internal FakeReportsDesk Reports { get; } = new();

    internal FakeStagingDataReset StagingReset { get; } = new();

    /// <summary>Tuesday 2026-12-01 10:00 in Japan.</summary>
    internal FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    internal FakeMaintenanceConsole Maintenance { get; }

    internal BunitAuthorizationContext Authorization { get; }

    protected PortalComponentTest()
    {
        Maintenance = new FakeMaintenanceConsole(Clock);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<SmartBranch.Kernel.Maintenance.IMaintenanceConsole>(Maintenance);
        Services.AddSingleton<SmartBranch.Kernel.Maintenance.IMaintenanceCalendar>(Maintenance);
        UseCulture("ja");
        Services.AddLocalization();
        Services.AddSingleton<ICurrentStaff>(Staff);
        Services.AddSingleton<ICurrentStaffLoader>(StaffLoader);
        Authorization = AddAuthorization();
        Services.AddSingleton<IStaffDirectory>(StaffDirectory);
        Services.AddSingleton<ITenantAdministration>(Administration);
        Services.AddSingleton<ITenantCatalog>(Catalog);
        Services.AddSingleton<IPersonalDataAccessGrants>(AccessGrants);
        Services.AddSingleton<IApiClients>(ApiClients);
        Services.AddSingleton<SmartBranch.Kernel.TrainingReset.IStagingDataReset>(StagingReset);
        Services.AddSingleton<ITenantAdminInvitations>(AdminInvitations);
        Services.AddSingleton<ITenantHealthQuery>(Health);
        Services.AddSingleton<SmartBranch.Kernel.Incidents.IIncidentConsole>(Incidents);
        Services.AddSingleton<SmartBranch.Portal.Modules.Reports.IReportsDesk>(Reports);
        Services.AddSingleton<IResidentStatistics>(new FixedResidentStatistics(new ResidentCounts(12, 3)));
        Services.AddSingleton<IBroadcastStatistics>(new FixedBroadcastStatistics(new BroadcastDayCounts(Started: 2, Scheduled: 1)));
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        Services.AddSingleton(SmartBranch.Portal.Modules.Help.ManualLibrary.LoadEmbedded());
        foreach (var provider in typeof(IPortalNavigationProvider).Assembly.GetTypes()
                     .Where(t => typeof(IPortalNavigationProvider).IsAssignableFrom(t) && !t.IsAbstract))
        {
            Services.AddSingleton(typeof(IPortalNavigationProvider), provider);
        }

        UseTenant(TestTenants.In("production"));
    }

    protected void UseTenant(TenantContext context)
    {
        var tenant = new FakeCurrentTenant(context);
        Services.AddSingleton<ICurrentTenant>(tenant);
        Services.AddSingleton<ITenantEnvironmentEntry>(tenant);
    }

    protected static void UseCulture(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
}
