using SmartBranch.Identity.Bootstrap;
using SmartBranch.Kernel.Audit;
using SmartBranch.Server.Backups;
using SmartBranch.Server.Hosting;
using SmartBranch.Server.Persistence;

if (args.FirstOrDefault() == "emulator")
{
    await StandaloneLineEmulator.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
StartupBanner.Print(builder.Configuration);
builder.AddSmartBranchServer();

var app = builder.Build();
app.UseSmartBranchServer();

if (args.FirstOrDefault() == "migrate")
{
    await app.Services.MigrateDatabaseAsync();
    return;
}

if (args.FirstOrDefault() == AuditVerificationCommand.Name)
{
    Environment.ExitCode = await AuditVerificationCommand.RunAsync(app.Services, Console.Out);
    return;
}

if (args.FirstOrDefault() is { } command && BackupCommands.Names.Contains(command))
{
    Environment.ExitCode = await BackupCommands.RunAsync(app.Services, args, Console.Out);
    return;
}

if (args.FirstOrDefault() == CreateOperatorCommand.Name)
{
    await app.Services.MigrateDatabaseAsync();
    Environment.ExitCode = await CreateOperatorCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

if (args.FirstOrDefault() == InviteAdminCommand.Name)
{
    await app.PrepareDatabaseAsync();
    Environment.ExitCode = await InviteAdminCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The server's entry point; public so that tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
