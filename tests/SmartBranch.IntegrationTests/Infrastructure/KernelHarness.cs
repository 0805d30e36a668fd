using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Identity;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line;
using SmartBranch.Server;
using SmartBranch.Server.Persistence;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// The kernel's services as the server composes them, without HTTP: over a database of its own
/// (migrated, Hirakawa recorded), with a clock the test moves and a signed-in person it chooses.
/// </summary>
internal sealed class KernelHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;

    private KernelHarness(ServiceProvider services, TestDatabase database, FakeTimeProvider clock)
    {
        _services = services;
        _database = database;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    /// <param name="settings">Configuration on top of the harness's own.</param>
    /// <param name="configureServices">More services (the server's own parts a test needs), added after the kernel's and the clock.</param>
    public static async Task<KernelHarness> StartAsync(
        TestDatabaseKind kind = TestDatabaseKind.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, IConfiguration>? configureServices = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Emulator:Url"] = "http://127.0.0.1:9" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (kind == TestDatabaseKind.Postgres)
        {
            services.AddDbContext<SmartBranchDbContext, PostgresSmartBranchDbContext>((sp, options) =>
                options.UseNpgsql(database.ConnectionString).UseSmartBranchInterceptors(sp));
        }
        else
        {
            services.AddDbContext<SmartBranchDbContext, SqliteSmartBranchDbContext>((sp, options) =>
                options.UseSqlite(database.ConnectionString).UseSmartBranchInterceptors(sp));
        }

        services.AddLineMessagingClient();
        services.AddSmartBranchIdentityModel(); // The server's migrations create the identity tables too.
        services.AddSmartBranchKernel(configuration, ModuleCatalog.From(ServerModules.All), ServerRoles.Web);
        services.AddSmartBranchIdentityModel(); // Its tables are in the migrations, so the model must have them too.
        services.AddSingleton<IPermissionProvider, SmartBranch.Portal.PortalPermissions>(); // The portal's, as the server adds them.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(clock);
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
        configureServices?.Invoke(services, configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        await provider.MigrateDatabaseAsync();
        await provider.SynchronizeTenantsAsync();
        return new KernelHarness(provider, database, clock);
    }

    /// <summary>A scope in which <paramref name="staff"/> (or nobody) is signed in, inside <paramref name="tenantSlug"/> when given.</summary>
    public AsyncServiceScope Scope(TestStaff? staff = null, string? tenantSlug = null, string? environmentName = null)
    {
        var scope = _services.CreateAsyncScope();
        if (staff is not null)
        {
            scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        }

        if (tenantSlug is not null)
        {
            var tenant = scope.ServiceProvider.GetRequiredService<ITenantCatalog>().Find(tenantSlug)!;
            var current = scope.ServiceProvider.GetRequiredService<CurrentTenant>();
            if (environmentName is null)
            {
                current.Enter(tenant);
            }
            else
            {
                current.Enter(new TenantContext(tenant, tenant.FindEnvironment(environmentName)!));
            }
        }

        return scope;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, TestStaff? staff = null, string? tenantSlug = null)
    {
        await using var scope = Scope(staff, tenantSlug);
        return await work(scope.ServiceProvider);
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The signed-in person of a test scope, standing in for the identity module's <see cref="ICurrentStaff"/>.</summary>
internal sealed class TestStaff : ICurrentStaff
{
    public static TestStaff Operator(string userId = "op-1") => new() { UserId = userId, DisplayName = "運用 一郎", IsOperator = true };

    public static TestStaff Member(string userId, params string[] permissions) =>
        new() { UserId = userId, DisplayName = $"職員 {userId}", Roles = [StaffRoles.Admin], Permissions = [.. permissions] };

    public string? UserId { get; set; }

    public string? DisplayName { get; set; }

    public bool IsOperator { get; set; }

    public IReadOnlyList<string> Roles { get; set; } = [];

    public IReadOnlyList<string> Departments { get; set; } = [];

    public HashSet<string> Permissions { get; set; } = [];

    public bool HasPermission(string permission) => Permissions.Contains(permission);

    public void SignIn(TestStaff staff)
    {
        UserId = staff.UserId;
        DisplayName = staff.DisplayName;
        IsOperator = staff.IsOperator;
        Roles = staff.Roles;
        Departments = staff.Departments;
        Permissions = staff.Permissions;
    }
}
