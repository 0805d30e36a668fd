using Microsoft.AspNetCore.Http;

namespace SmartBranch.Identity.Pages;

/// <summary>The sign-in pages' words, Japanese first; the <c>sb-lang</c> cookie (set at <c>/account/language</c>) switches to English.</summary>
public sealed class AccountText
{
    public const string LanguageCookie = "sb-lang";

    private static readonly Dictionary<string, (string Ja, string En)> Words = new(StringComparer.Ordinal)
    {
        ["Product"] = ("SmartBranch スマホ支所", "SmartBranch"),
        ["OtherLanguage"] = ("English", "日本語"),
        ["SignIn"] = ("サインイン", "Sign in"),
        ["Email"] = ("メールアドレス", "E-mail address"),
        ["Password"] = ("パスワード", "Password"),
        ["NewPassword"] = ("新しいパスワード（12文字以上）", "New password (12 characters or more)"),
        ["ConfirmPassword"] = ("新しいパスワード（確認）", "Confirm the new password"),
        ["PasswordsDiffer"] = ("確認用のパスワードが一致しません。", "The passwords do not match."),
        ["ForgotPassword"] = ("パスワードを忘れた場合", "Forgot your password?"),
        ["BadCredentials"] = ("メールアドレスまたはパスワードが正しくありません。", "The e-mail address or password is not correct."),
        ["LockedOut"] = ("サインインの失敗が続いたため、アカウントを一時的にロックしました。しばらくしてからもう一度お試しください。",
            "Too many failed attempts: the account is locked for a while. Try again later."),
        ["NotAllowed"] = ("このアカウントではサインインできません。管理者にお問い合わせください。", "This account cannot sign in. Ask your administrator."),
        ["TooManyAttempts"] = ("試行回数が多すぎます。しばらくしてからもう一度お試しください。", "Too many attempts. Try again later."),
        ["TwoFactor"] = ("2段階認証", "Two-step verification"),
        ["TwoFactorHelp"] = ("認証アプリに表示されている6桁の確認コードを入力してください。", "Enter the 6-digit code from your authenticator app."),
        ["Code"] = ("確認コード", "Verification code"),
        ["Verify"] = ("確認する", "Verify"),
        ["BadCode"] = ("確認コードが正しくありません。", "The code is not correct."),
        ["UseRecoveryCode"] = ("認証アプリを使えない場合（回復コード）", "Can't use your app? Use a recovery code"),
        ["RecoveryCode"] = ("回復コード", "Recovery code"),
        ["RecoveryHelp"] = ("保管している回復コードを一つ入力してください。各コードは一度だけ使えます。", "Enter one of your recovery codes. Each works once."),
        ["BadRecoveryCode"] = ("回復コードが正しくないか、すでに使われています。", "The recovery code is wrong or already used."),
        ["SetupTitle"] = ("認証アプリの設定", "Set up your authenticator app"),
        ["SetupRequired"] = ("このアカウントでは2段階認証が必須です。続ける前に設定してください。", "This account requires two-step verification. Set it up to continue."),
        ["SetupStep1"] = ("認証アプリ（Google Authenticator、Microsoft Authenticator など）で次のQRコードを読み取ってください。",
            "Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, …)."),
        ["ManualKey"] = ("読み取れない場合は、次のキーを入力してください", "If you cannot scan it, enter this key"),
        ["SetupStep2"] = ("アプリに表示された6桁の確認コードを入力してください。", "Enter the 6-digit code the app shows."),
        ["QrAlt"] = ("認証アプリ用のQRコード", "QR code for the authenticator app"),
        ["RecoveryCodesTitle"] = ("回復コード", "Recovery codes"),
        ["RecoveryCodesHelp"] = ("2段階認証を設定しました。次の回復コードを安全な場所に控えてください。この画面を離れると二度と表示されません。各コードは一度だけ使えます。",
            "Two-step verification is on. Keep these recovery codes somewhere safe: they are shown only now, and each works once."),
        ["AlreadySetUp"] = ("2段階認証はすでに設定されています。", "Two-step verification is already set up."),
        ["Continue"] = ("続ける", "Continue"),
        ["SignOut"] = ("サインアウト", "Sign out"),
        ["SignOutConfirm"] = ("サインアウトしますか？", "Sign out now?"),
        ["SignedOut"] = ("サインアウトしました。", "You have signed out."),
        ["AcceptTitle"] = ("招待の受諾", "Accept your invitation"),
        ["AcceptHelp"] = ("パスワードを設定して、アカウントの利用を開始してください。", "Set a password to start using your account."),
        ["SetPassword"] = ("パスワードを設定する", "Set password"),
        ["InvalidLink"] = ("このリンクは無効か、期限が切れています。管理者に再送を依頼してください。", "This link is invalid or has expired. Ask for a new one."),
        ["PasswordSet"] = ("パスワードを設定しました。サインインしてください。", "Your password is set. Please sign in."),
        ["ForgotTitle"] = ("パスワードの再設定", "Reset your password"),
        ["ForgotHelp"] = ("登録されているメールアドレスを入力してください。再設定用のリンクをお送りします。", "Enter your e-mail address and we will send you a reset link."),
        ["Send"] = ("送信する", "Send"),
        ["ForgotSent"] = ("入力されたアドレスが登録されていれば、再設定用のメールを送りました。", "If the address is registered, a reset e-mail is on its way."),
        ["ResetTitle"] = ("新しいパスワードの設定", "Set a new password"),
        ["AccessDenied"] = ("このページを表示する権限がありません。", "You do not have access to this page."),
        ["Home"] = ("アカウント", "Account"),
        ["SignedInAs"] = ("サインイン中", "Signed in as"),
        ["YourTenants"] = ("ポータル", "Portals"),
        ["Required"] = ("入力してください。", "Required."),
    };

    private AccountText(bool english) => IsEnglish = english;

    public bool IsEnglish { get; }

    public string Language => IsEnglish ? "en" : "ja";

    public string this[string key] => Words.TryGetValue(key, out var word) ? (IsEnglish ? word.En : word.Ja) : key;

    public static AccountText For(HttpContext context) =>
        new(context.Request.Cookies[LanguageCookie] == "en");
}
