using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Accounts;

/// <summary>The absolute links e-mails and the bootstrap command carry.</summary>
internal sealed class AccountLinks(IOptions<SmartBranchIdentityOptions> options, IHttpContextAccessor http, IHostEnvironment environment)
{
    public const string DevelopmentOrigin = "http://localhost:5080";

    public Uri AcceptInvitation(string userId, string token) =>
        Build("/account/accept-invitation", userId, token);

    public Uri ResetPassword(string userId, string token) =>
        Build("/account/reset-password", userId, token);

    public Uri SignIn() => new(Origin(), "/account/signin");

    private Uri Build(string path, string userId, string token) =>
        new(QueryHelpers.AddQueryString(new Uri(Origin(), path).ToString(), new Dictionary<string, string?>
        {
            ["user"] = userId,
            ["token"] = token,
        }));

    // Only a configured origin is trusted in production: a request's Host header is the
    // attacker's to choose, and a reset link pointing at their host would hand them the token.
    private Uri Origin()
    {
        if (options.Value.PublicOrigin is { } configured)
        {
            return configured;
        }

        if (!environment.IsLocal())
        {
            throw new InvalidOperationException("Identity:PublicOrigin must be set to the origin staff use (https://…).");
        }

        return http.HttpContext?.Request is { } request
            ? new Uri($"{request.Scheme}://{request.Host}")
            : new Uri(DevelopmentOrigin);
    }
}
