using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>
/// The simulator's controls over the test cards, for trainers (<c>/_sim/jpki/cards</c>, a page) and tests
/// (<c>/_sim/users/{userId}/jpki/…</c>): see a resident's card, revoke its certificate, or issue a new one, valid or
/// already expired, so the refusals can be shown.
/// </summary>
internal static class SandboxCardControls
{
    private const string PagePath = "/_sim/jpki/cards";
    private const string Title = "テスト用マイナンバーカードの管理";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, CardsPage);
        app.MapPost(PagePath + "/{userId}/{action}", (HttpContext http, EmulatorState state, SandboxCards cards, SandboxCertificateAuthority ca, string userId, string action) =>
            Apply(http, state, cards, ca, userId, action) is { } failed ? failed : Results.Redirect(PagePath)).DisableAntiforgery();
        app.MapGet("/_sim/users/{userId}/jpki", (HttpContext http, EmulatorState state, SandboxCards cards, SandboxCertificateAuthority ca, string userId) =>
            state.Users.ContainsKey(userId) ? LineErrors.Ok(Describe(cards.CardFor(userId, JpkiSandboxEndpoints.CrlUrl(http)), ca)) : UnknownUser());
        app.MapPost("/_sim/users/{userId}/jpki/{action}", (HttpContext http, EmulatorState state, SandboxCards cards, SandboxCertificateAuthority ca, string userId, string action) =>
            Apply(http, state, cards, ca, userId, action) ?? LineErrors.Ok(Describe(cards.Find(userId)!, ca)));
    }

    /// <summary>Runs <c>revoke</c>, <c>reissue</c> or <c>expired</c>; null when done, else the error.</summary>
    private static IResult? Apply(HttpContext http, EmulatorState state, SandboxCards cards, SandboxCertificateAuthority ca, string userId, string action)
    {
        if (!state.Users.ContainsKey(userId))
        {
            return UnknownUser();
        }

        var crlUrl = JpkiSandboxEndpoints.CrlUrl(http);
        switch (action)
        {
            case "revoke":
                ca.Revoke(cards.CardFor(userId, crlUrl).Certificate);
                return null;
            case "reissue":
            case "expired":
                cards.Reissue(userId, expired: action == "expired", crlUrl);
                return null;
            default:
                return LineErrors.NotFoundError();
        }
    }

    private static IResult UnknownUser() => LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");

    private static object Describe(SandboxCard card, SandboxCertificateAuthority ca) => new
    {
        name = card.Identity.Name,
        address = card.Identity.Address,
        dateOfBirth = card.Identity.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        sex = card.Identity.SexLabel,
        serialNumber = card.Certificate.SerialNumber,
        notAfter = card.Certificate.NotAfter.ToUniversalTime(),
        revoked = ca.IsRevoked(card.Certificate),
        locked = card.IsLocked,
    };

    private static IResult CardsPage(HttpContext http, EmulatorState state, SandboxCards cards, SandboxCertificateAuthority ca)
    {
        var now = state.Time.GetUtcNow();
        var html = new StringBuilder("<p>住民のテスト用カード（署名用電子証明書）を失効させたり、期限切れの証明書を発行したりして、申請が断られる場面を試せます。</p>")
            .Append("<p><a href=\"").Append(JpkiSandboxEndpoints.CaCertificatePath).Append("\">認証局の証明書</a>・<a href=\"")
            .Append(JpkiSandboxEndpoints.CrlPath).Append("\">失効リスト（CRL）</a>・<a href=\"/_sim/\">住民シミュレーターへ</a></p>");
        var users = state.Users.Values.OrderBy(u => u.CreatedAt).ToList();
        if (users.Count == 0)
        {
            html.Append("<p class=\"panel\">シミュレーターに住民がいません。</p>");
            return SandboxPages.Page(Title, html.ToString());
        }

        html.Append("<table><thead><tr><th scope=\"col\">住民</th><th scope=\"col\">証明書</th><th scope=\"col\">操作</th></tr></thead><tbody>");
        foreach (var user in users)
        {
            var card = cards.CardFor(user.UserId, JpkiSandboxEndpoints.CrlUrl(http));
            var status = ca.IsRevoked(card.Certificate) ? "失効"
                : card.Certificate.NotAfter.ToUniversalTime() < now ? "期限切れ"
                : card.IsLocked ? "ロック中"
                : "有効";
            var actions = $"{PagePath}/{Uri.EscapeDataString(user.UserId)}";
            html.Append("<tr><td>").Append(SandboxPages.Encode(user.DisplayName)).Append("<br><span class=\"hint\">")
                .Append(SandboxPages.Encode(card.Identity.Name)).Append("</span></td><td>").Append(status).Append("</td><td class=\"inline\">")
                .Append(Button(actions + "/revoke", "失効させる"))
                .Append(Button(actions + "/expired", "期限切れの証明書を発行"))
                .Append(Button(actions + "/reissue", "新しい証明書を発行"))
                .Append("</td></tr>");
        }

        return SandboxPages.Page(Title, html.Append("</tbody></table>").ToString());
    }

    private static string Button(string action, string label) =>
        $"<form method=\"post\" action=\"{action}\"><button class=\"secondary\">{label}</button></form>";
}
