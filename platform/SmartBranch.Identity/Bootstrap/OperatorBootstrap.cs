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
public sealed class OperatorBootstrap
{
    public const string Command = "create-operator";

    private readonly UserManager<StaffAccount> _users;
    private readonly RoleManager<IdentityRole> _roles;
    private readonly AccountLinks _links;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal OperatorBootstrap(UserManager<StaffAccount> users, RoleManager<IdentityRole> roles, AccountLinks links, IAuditLog audit, TimeProvider clock)
    {
        _users = users;
        _roles = roles;
        _links = links;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var email = Option(args, "--email");
        if (email is null || !MailAddress.TryCreate(email, out _))
        {
            await output.WriteLineAsync("使い方: create-operator --email ADDRESS [--name NAME]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<OperatorBootstrap>();
        var link = await bootstrap.CreateAsync(email, Option(args, "--name") ?? "運用担当者");
        if (link is null)
        {
            await output.WriteLineAsync($"{email} はすでに運用事業者として登録され、パスワードも設定済みです。");
            return 1;
        }

        await output.WriteLineAsync("運用事業者のアカウントを作成しました。次のリンクを開いてパスワードを設定してください（一度だけ有効です）:");
        await output.WriteLineAsync(link.ToString());
        return 0;
    }

    /// <summary>The password-setup link, or null when the operator already has a password.</summary>
    public async Task<Uri?> CreateAsync(string email, string displayName)
    {
        var account = await _users.FindByEmailAsync(email);
        if (account is null)
        {
            account = new StaffAccount { UserName = email, Email = email, DisplayName = displayName, CreatedAt = _clock.GetUtcNow() };
            Require(await _users.CreateAsync(account));
        }
        else if (await _users.HasPasswordAsync(account))
        {
            return null;
        }

        if (!await _roles.RoleExistsAsync(StaffRoles.Operator))
        {
            Require(await _roles.CreateAsync(new IdentityRole(StaffRoles.Operator)));
        }

        if (!await _users.IsInRoleAsync(account, StaffRoles.Operator))
        {
            Require(await _users.AddToRoleAsync(account, StaffRoles.Operator));
        }

        await _audit.RecordAsync(new AuditRecord("operator.created", "staff", account.Id, "運用事業者のアカウントを作成しました。"), CancellationToken.None);
        var token = await _users.GenerateUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return _links.AcceptInvitation(account.Id, token);
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
