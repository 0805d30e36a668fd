using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity.Staff;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Identity.Bootstrap;

/// <summary>
/// A city's first admin from the command line, for automation and for an installation whose console
/// is not reachable yet: <c>invite-admin --tenant SLUG --email ADDRESS [--name NAME]</c>. The same
/// invitation as the console's 管理者を招待; without an SMTP server it prints the one-time link.
/// </summary>
public static class InviteAdminCommand
{
    public const string Name = "invite-admin";

    private const string Usage = "使い方: invite-admin --tenant SLUG --email ADDRESS [--name NAME]";

    /// <summary>Runs the command; returns the process exit code: 0 invited, 1 refused, 2 wrong arguments.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var tenant = CommandLineOptions.Value(args, "--tenant");
        var email = CommandLineOptions.Value(args, "--email");
        if (tenant is null || email is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var invitation = new TenantAdminInvitation(email, CommandLineOptions.Value(args, "--name") ?? "管理者");
        if (invitation.Problems() is [var problem, ..])
        {
            await output.WriteLineAsync(problem.Message);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        TenantAdminInvited invited;
        try
        {
            invited = await scope.ServiceProvider.GetRequiredService<TenantAdminInviter>()
                .InviteAsync(tenant, invitation, $"コマンド {Name} から", CancellationToken.None);
        }
        catch (TenantAdminInvitationException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }

        await output.WriteLineAsync(invited.Outcome switch
        {
            TenantAdminInvitationOutcome.Invited => "管理者として招待し、招待メールを送りました。",
            TenantAdminInvitationOutcome.Resent => "招待メールを送り直しました。以前のリンクは使えなくなりました。",
            _ => "すでにパスワードのあるアカウントに管理者の役割を付け、サインインの案内を送りました。",
        });
        if (invited.Link is { } link)
        {
            await output.WriteLineAsync("メール送信（SMTP）が設定されていないため、招待メールは送信されずファイルに保存されました。次のリンクを本人に伝えてください（一度だけ有効です）:");
            await output.WriteLineAsync(link.ToString());
        }

        return 0;
    }
}
