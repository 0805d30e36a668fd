using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>
/// The sandbox card page (<c>/_sim/jpki/sign/{session}</c>), what the resident sees instead of the card reader: what
/// is signed, whose test card is held to the phone, the card's 基本4情報 and test password, and the password field.
/// A wrong password is refused with the tries left; the fifth wrong try in a row locks the card. Signing, cancelling,
/// or giving up on a locked card sends the resident back to the service's return URL.
/// </summary>
internal static class SandboxCardPage
{
    public const string Title = "マイナンバーカードで署名";

    public static IResult Show(HttpContext http, EmulatorState state, SandboxCards cards, SandboxSigningSessions sessions, string sessionId, string? userId)
    {
        if (Pending(sessions, sessionId, out var ended) is not { } session)
        {
            return ended!;
        }

        if (userId is null || !state.Users.TryGetValue(userId, out var user))
        {
            return SandboxPages.Page(Title, WhatIsSigned(session) + ChooseResident(state, session));
        }

        var card = cards.CardFor(user.UserId, JpkiSandboxEndpoints.CrlUrl(http));
        return SandboxPages.Page(Title, WhatIsSigned(session) + CardForm(session, user, card, error: null));
    }

    public static async Task<IResult> SubmitAsync(
        HttpContext http, EmulatorState state, SandboxCards cards, SandboxSigningSessions sessions, string sessionId)
    {
        if (Pending(sessions, sessionId, out var ended) is not { } session)
        {
            return ended!;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userId = form["userId"].ToString();
        var card = state.Users.ContainsKey(userId) ? cards.CardFor(userId, JpkiSandboxEndpoints.CrlUrl(http)) : null;
        if (form["action"] == "cancel" || card is null)
        {
            session.TryFinish(card is { IsLocked: true } ? SandboxSigningStatus.Locked : SandboxSigningStatus.Cancelled);
            return Results.Redirect(session.ReturnLocation());
        }

        var user = state.Users[userId];
        var password = form["password"].ToString();
        if (password.Length == 0)
        {
            return Refused(session, user, card, "署名用パスワードを入力してください。");
        }

        if (card.Sign(session.Document, password) is not { } signature)
        {
            return Refused(session, user, card, card.IsLocked
                ? $"署名用パスワードを{SandboxCard.AllowedWrongTries}回続けて間違えたため、このカードの署名用電子証明書はロックされました。"
                  + "本物のカードでは市区町村の窓口でロックの解除が必要です。「申請に戻る」を押してください。"
                : $"署名用パスワードが違います。あと{card.TriesLeft}回間違えると、カードがロックされます。");
        }

        session.TryFinish(SandboxSigningStatus.Signed, signature, card.Certificate.RawData);
        return Results.Redirect(session.ReturnLocation());
    }

    private static SandboxSigningSession? Pending(SandboxSigningSessions sessions, string sessionId, out IResult? ended)
    {
        var session = sessions.Find(sessionId);
        ended = session switch
        {
            null => SandboxPages.Page(Title, "<p class=\"error\" role=\"alert\">この署名の依頼は見つかりません。申請の画面からやり直してください。</p>", StatusCodes.Status404NotFound),
            { Status: not SandboxSigningStatus.Pending } => SandboxPages.Page(
                Title,
                "<p class=\"error\" role=\"alert\">この署名の依頼はすでに終わっています。</p>"
                + $"<a class=\"button secondary\" href=\"{SandboxPages.Encode(session.ReturnLocation())}\">申請に戻る</a>",
                StatusCodes.Status409Conflict),
            _ => null,
        };
        return ended is null ? session : null;
    }

    private static IResult Refused(SandboxSigningSession session, SimUser user, SandboxCard card, string error) =>
        SandboxPages.Page(Title, WhatIsSigned(session) + CardForm(session, user, card, error), StatusCodes.Status422UnprocessableEntity);

    private static string WhatIsSigned(SandboxSigningSession session)
    {
        var html = new StringBuilder("<h2>署名する内容</h2><div class=\"panel\">")
            .Append("<p><strong>").Append(SandboxPages.Encode(session.Title)).Append("</strong></p>");
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(session.Document);
            html.Append("<pre>").Append(SandboxPages.Encode(text)).Append("</pre>");
        }
        catch (DecoderFallbackException)
        {
            html.Append("<p>文書（").Append(session.Document.Length).Append(" バイト）</p>");
        }

        return html.Append("<p class=\"hint\">SHA-256: ").Append(Convert.ToHexStringLower(SHA256.HashData(session.Document))).Append("</p></div>").ToString();
    }

    private static string ChooseResident(EmulatorState state, SandboxSigningSession session)
    {
        var html = new StringBuilder("<h2>カードを読み取る住民</h2>");
        var users = state.Users.Values.OrderBy(u => u.CreatedAt).ToList();
        if (users.Count == 0)
        {
            html.Append("<p class=\"error\" role=\"alert\">シミュレーターに住民がいません。住民シミュレーターで住民を追加してください。</p>");
        }
        else
        {
            html.Append("<p>スマートフォンにかざすテスト用カードの住民を選んでください。</p><ul>");
            foreach (var user in users)
            {
                html.Append("<li><a href=\"?userId=").Append(Uri.EscapeDataString(user.UserId)).Append("\">")
                    .Append(SandboxPages.Encode(user.DisplayName)).Append(" さんのカード</a></li>");
            }

            html.Append("</ul>");
        }

        return html.Append("<form method=\"post\" action=\"").Append(SandboxPages.Encode(session.Id))
            .Append("\"><input type=\"hidden\" name=\"action\" value=\"cancel\"><button class=\"secondary\">署名しないで申請に戻る</button></form>")
            .ToString();
    }

    private static string CardForm(SandboxSigningSession session, SimUser user, SandboxCard card, string? error)
    {
        var identity = card.Identity;
        var html = new StringBuilder("<h2>").Append(SandboxPages.Encode(user.DisplayName)).Append(" さんのテスト用カード</h2>")
            .Append("<div class=\"panel\"><p>署名用電子証明書の基本4情報（テスト用）</p><dl>")
            .Append("<dt>氏名</dt><dd>").Append(SandboxPages.Encode(identity.Name)).Append("</dd>")
            .Append("<dt>住所</dt><dd>").Append(SandboxPages.Encode(identity.Address)).Append("</dd>")
            .Append("<dt>生年月日</dt><dd>").Append(identity.DateOfBirth.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)).Append("</dd>")
            .Append("<dt>性別</dt><dd>").Append(identity.SexLabel).Append("</dd></dl></div>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">").Append(SandboxPages.Encode(error)).Append("</p>");
        }

        var action = SandboxPages.Encode(session.Id);
        var userField = $"<input type=\"hidden\" name=\"userId\" value=\"{SandboxPages.Encode(user.UserId)}\">";
        if (!card.IsLocked)
        {
            html.Append("<form method=\"post\" action=\"").Append(action).Append("\">").Append(userField)
                .Append("<input type=\"hidden\" name=\"action\" value=\"sign\">")
                .Append("<label for=\"password\">署名用パスワード（6〜16桁の英数字）</label>")
                .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"off\" maxlength=\"16\" required")
                .Append(error is null ? " autofocus" : " aria-invalid=\"true\" aria-describedby=\"error password-hint\" autofocus")
                .Append("><p id=\"password-hint\" class=\"hint\">テスト用カードのパスワードは <strong>").Append(SandboxCard.TestPassword)
                .Append("</strong> です。</p><button>署名する</button></form>");
        }

        return html.Append("<form method=\"post\" action=\"").Append(action).Append("\">").Append(userField)
            .Append("<input type=\"hidden\" name=\"action\" value=\"cancel\"><button class=\"secondary\">")
            .Append(card.IsLocked ? "申請に戻る" : "署名しないで申請に戻る").Append("</button></form>").ToString();
    }
}
