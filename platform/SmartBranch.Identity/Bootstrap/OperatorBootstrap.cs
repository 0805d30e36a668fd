using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Accounts;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Identity.Bootstrap;

/// <summary>
/// The first operator of a fresh installation: <c>create-operator --email ADDRESS [--name NAME]</c>
/// creates the account and prints a one-time link to set its password (then an authenticator app).
/// </summary>
public static class CreateOperatorCommand
{
    public const string Name = "create-operator";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var email = CommandLineOptions.Value(args, "--email");
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            await output.WriteLineAsync("使い方: create-operator --email ADDRESS [--name NAME]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<OperatorBootstrap>();
        var link = await bootstrap.CreateAsync(email, CommandLineOptions.Value(args, "--name") ?? "運用担当者");
        if (link is null)
        {
            await output.WriteLineAsync($"{email} はすでに運用事業者として登録され、パスワードも設定済みです。");
            return 1;
        }

        await output.WriteLineAsync("運用事業者のアカウントを作成しました。次のリンクを開いてパスワードを設定してください（一度だけ有効です）:");
        await output.WriteLineAsync(link.ToString());
        return 0;
    }
}

internal sealed class OperatorBootstrap(UserManager<StaffAccount> users, RoleManager<IdentityRole> roles, AccountLinks links, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The password-setup link, or null when the operator already has a password.</summary>
    public async Task<Uri?> CreateAsync(string email, string displayName)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            account = new StaffAccount { UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
            Require(await users.CreateAsync(account));
        }
        else if (await users.HasPasswordAsync(account))
        {
            return null;
        }

        if (!await roles.RoleExistsAsync(StaffRoles.Operator))
        {
            Require(await roles.CreateAsync(new IdentityRole(StaffRoles.Operator)));
        }

        if (!await users.IsInRoleAsync(account, StaffRoles.Operator))
        {
            Require(await users.AddToRoleAsync(account, StaffRoles.Operator));
        }

        await audit.RecordAsync(new AuditRecord("operator.created", "staff", account.Id, "運用事業者のアカウントを作成しました。"), CancellationToken.None);
        var token = await users.GenerateUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return links.AcceptInvitation(account.Id, token);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
