using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents.Preferences;

/// <summary>The preference page's words, in plain Japanese, or in English for residents whose language is English.</summary>
internal sealed record PreferencesText(
    string Language,
    string Title,
    string Intro,
    string ConsentLegend,
    string ConsentVersion,
    string ConsentCheckbox,
    string NoChoice,
    string Save,
    string Saved,
    string SavedTitle,
    string ErrorSummary,
    string ConsentRequired,
    string UnknownValue,
    string OneValueOnly,
    string NotFriend,
    string NotAvailable,
    string Expired)
{
    public static readonly PreferencesText Japanese = new(
        "ja",
        "受信設定",
        "受け取りたい情報やお住まいの地区などを選ぶと、あなたに合ったお知らせが LINE で届きます。選ばなかった項目があっても大丈夫です。",
        "個人情報の取り扱いへの同意",
        "同意文の版",
        "上の内容に同意して、選んだ内容を登録します",
        "選ばない",
        "保存する",
        "受信設定を保存しました。これからのお知らせは、この設定にしたがってお届けします。",
        "保存しました",
        "入力内容を確かめてください。",
        "選んだ内容を登録するには、個人情報の取り扱いへの同意にチェックを入れてください。",
        "選べない値が含まれていました。一覧の中から選び直してください。",
        "この項目は一つだけ選んでください。",
        "受信設定は、平川市の LINE 公式アカウントを友だち追加してから使えます。友だち追加のあと、もう一度開いてください。",
        "この画面はまだ準備中です。市の担当窓口にお問い合わせください。",
        "画面の有効期限が切れたため、保存できませんでした。お手数ですが、もう一度選んで保存してください。");

    public static readonly PreferencesText English = new(
        "en",
        "Notification settings",
        "Choose the topics you want and where you live, and you will receive notices that suit you on LINE. You may leave any item unselected.",
        "Consent to the handling of your personal information",
        "Consent text version",
        "I agree to the above and register my choices",
        "No selection",
        "Save",
        "Your settings have been saved. Notices will be sent to you according to them.",
        "Saved",
        "Please check what you entered.",
        "To register your choices, please tick the box to agree to the handling of your personal information.",
        "A value that cannot be chosen was sent. Please choose again from the list.",
        "Please choose only one for this item.",
        "Notification settings are available once you have added the city's LINE Official Account as a friend. Please add it and open this page again.",
        "This page is not available yet. Please contact the city office.",
        "This page expired and your choices were not saved. Please choose them again and save.");

    public string NameOf(SegmentAttribute attribute) => Language == "en" ? attribute.NameEn : attribute.NameJa;

    public string NameOf(SegmentValue value) => Language == "en" ? value.NameEn : value.NameJa;

    public string Message(PreferencesProblem problem) => problem switch
    {
        PreferencesProblem.ConsentRequired => ConsentRequired,
        PreferencesProblem.OneValueOnly => OneValueOnly,
        _ => UnknownValue,
    };
}
