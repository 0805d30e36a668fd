using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Bootstrap;
using SmartBranch.Identity.Email;
using SmartBranch.Identity.OpenId;
using SmartBranch.Identity.Pages;
using SmartBranch.Identity.Persistence;
using SmartBranch.Identity.Security;
using SmartBranch.Identity.Staff;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Scheduling;

namespace SmartBranch.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Staff accounts, sign-in pages, the OpenID Connect server, the portal's authentication and the staff services.</summary>
    public static IServiceCollection AddSmartBranchIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SmartBranchIdentityOptions.Section);
        var options = section.Get<SmartBranchIdentityOptions>() ?? new SmartBranchIdentityOptions();
        services.Configure<SmartBranchIdentityOptions>(section);
        services.AddSmartBranchIdentityModel();
        services.AddHttpContextAccessor();

        AddAccounts(services, options, environment);
        services.AddSmartBranchOpenIdServer(options, environment,
            singleProcess: !string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase));
        services.AddAuthentication().AddPortalAuthentication(options, environment);
        services.Configure<AuthenticationOptions>(authentication =>
        {
            authentication.DefaultScheme = SmartBranchAuthentication.Default;
            authentication.DefaultAuthenticateScheme = SmartBranchAuthentication.Default;
            authentication.DefaultChallengeScheme = SmartBranchAuthentication.Default;
            authentication.DefaultForbidScheme = SmartBranchAuthentication.Default;
        });
        services.AddStaffPolicies();
        services.AddRazorPages();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__SmartBranch.Antiforgery";
            antiforgery.Cookie.SecurePolicy = environment.CookieSecurePolicy();
        });

        services.AddRateLimiter(_ => { });
        services.AddSingleton<SignInRateLimitPolicy>();
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<SignInRateLimitPolicy>((limiter, policy) => limiter.AddPolicy(SignInRateLimitPolicy.Name, policy));
        services.AddSingleton<SignInAccountLimiter>();
        services.AddSingleton<TenantNetworkAllowlist>();

        AddEmail(services, configuration);
        services.AddScoped<CurrentStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<CurrentStaff>());
        services.AddScoped<ICurrentStaffLoader, CurrentStaffLoader>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<TenantAdminInviter>();
        services.AddScoped<ITenantAdminInvitations, TenantAdminInvitations>();
        services.AddScoped<IApiClients, ApiClients>();
        services.AddScoped<OperatorBootstrap>();
        services.AddHostedService<PortalClientRegistration>();
        services.AddSingleton<OpenIdTokenPruning>();
        services.AddScheduledJob<OpenIdTokenPruning>(OpenIdTokenPruning.JobName, JobSchedule.Every(TimeSpan.FromHours(1)), (pruning, ct) => pruning.PruneAsync(ct));
        services.AddHostedService<AuthenticationWarmUp>();
        if (environment.IsDevelopment())
        {
            services.AddHostedService<DemoTenantAdminSeeder>();
        }

        // Request lines carry the one-time tokens of e-mailed links and authorization codes in
        // their query strings; the hosting diagnostics that print them stay quiet.
        services.Configure<LoggerFilterOptions>(logging =>
            logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    /// <summary>Only the tables (for <c>dotnet ef</c>).</summary>
    public static IServiceCollection AddSmartBranchIdentityModel(this IServiceCollection services) =>
        services.AddModelContribution<IdentityModelContribution>();

    /// <summary>The tenant network allowlist, rate limiting, authentication, the current staff member, authorization and anti-forgery. Call after tenant resolution.</summary>
    public static IApplicationBuilder UseSmartBranchIdentity(this IApplicationBuilder app)
    {
        app.UseMiddleware<TenantNetworkAllowlistMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentStaffMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The sign-in pages (<c>/account/…</c>), the OpenID Connect endpoints (<c>/connect/…</c>), and two
    /// probes of who is calling: <c>GET /api/{tenant}/whoami</c> (an API client) and
    /// <c>GET /portal/{tenant}/whoami</c> (the signed-in staff member).
    /// </summary>
    public static IEndpointRouteBuilder MapSmartBranchIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapAuthorizationEndpoints();
        endpoints.MapAccountAssets();
        endpoints.MapGet("/api/{tenant}/whoami", (HttpContext context) => Results.Ok(new
        {
            clientId = context.User.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value,
            tenant = context.User.FindFirst(SmartBranchAuthentication.TenantClaim)?.Value,
        })).RequireAuthorization(SmartBranchAuthentication.TenantApiPolicy);
        endpoints.MapGet("/portal/{tenant}/whoami", (ICurrentStaff staff) => Results.Ok(new
        {
            userId = staff.UserId,
            displayName = staff.DisplayName,
            isOperator = staff.IsOperator,
            roles = staff.Roles,
            departments = staff.Departments,
        })).RequireAuthorization(SmartBranchAuthentication.PortalMemberPolicy);
        return endpoints;
    }

    private static void AddAccounts(IServiceCollection services, SmartBranchIdentityOptions options, IHostEnvironment environment)
    {
        services.AddScoped<SignInRules>();
        services.AddScoped<StaffEmails>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<SignInAudit>();
        services.AddIdentity<StaffAccount, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = true;
                identity.Password.RequiredLength = options.RequiredPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedAccessAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.Tokens.AuthenticatorIssuer = "SmartBranch";
            })
            .AddEntityFrameworkStores<SmartBranchDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<JapaneseIdentityErrors>();
        services.AddScoped<IUserConfirmation<StaffAccount>, ActiveMembershipConfirmation>();
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = options.PasswordResetLifetime);
        services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "__SmartBranch.Account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.CookieSecurePolicy();
            cookie.ExpireTimeSpan = options.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/access-denied";
        });
        services.ConfigureExternalCookie(cookie => cookie.Cookie.SecurePolicy = environment.CookieSecurePolicy());
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<SmtpOptions>(smtp => smtp.PickupDirectory = configuration["Email:PickupDirectory"] ?? smtp.PickupDirectory);
        if (string.IsNullOrEmpty(configuration[$"{SmtpOptions.Section}:Host"]))
        {
            services.TryAddSingleton<IStaffEmailSender, PickupDirectoryEmailSender>();
        }
        else
        {
            services.TryAddSingleton<IStaffEmailSender, SmtpStaffEmailSender>();
        }
    }
}
