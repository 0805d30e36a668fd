using System.Globalization;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>The survey page's words, in plain Japanese.</summary>
internal static class SurveyPageText
{
    public const string PageTitle = "アンケート";
    public const string Required = "必須";
    public const string Optional = "任意";
    public const string Anonymous = "このアンケートは無記名です。回答とあなたの LINE アカウントは結び付けずに保存します。";
    public const string Identified = "このアンケートは記名式です。回答は、あなたの LINE アカウントと結び付けて市が保存します。";
    public const string OneAnswer = "回答は 1 人 1 回です。";
    public const string Editable = "締め切りまでは、回答を修正できます。";
    public const string EditingEarlier = "前回の回答を表示しています。修正して送信すると、前回の回答と置き換わります。";
    public const string ErrorSummary = "入力内容を確かめてください。";
    public const string NoChoice = "選んでください";
    public const string Confirm = "入力内容を確認する";
    public const string ConfirmTitle = "入力内容の確認";
    public const string ConfirmLead = "この内容で送信します。よろしければ「送信する」を押してください。";
    public const string Unanswered = "（未回答）";
    public const string Back = "修正する";
    public const string Submit = "送信する";
    public const string DoneTitle = "送信しました";
    public const string Done = "ご回答ありがとうございました。LINE にもお礼のメッセージをお送りしました（回答の内容は含みません）。";
    public const string AlreadyReceived = "この回答は、すでに受け付けています。ご回答ありがとうございました。";
    public const string AlreadyAnswered = "このアンケートには、すでに回答いただいています。回答は 1 人 1 回です。ご協力ありがとうございました。";
    public const string NotFound = "アンケートが見つかりません。LINE のメッセージから、もう一度開いてください。";
    public const string Closed = "このアンケートの受付は終了しました。ご協力ありがとうございました。";
    public const string NotFriend = "アンケートには、市の LINE 公式アカウントを友だち追加してから回答できます。友だち追加のあと、もう一度開いてください。";
    public const string Expired = "画面の有効期限が切れたため、送信できませんでした。入力内容はそのままです。もう一度「入力内容を確認する」を押してください。";
    public const string DraftRestored = "前回の入力途中の内容を戻しました。";
    public const string RatingLow = "低い";
    public const string RatingHigh = "高い";
    public const string ChooseImage = "画像を選ぶ（カメラで撮る・写真から選ぶ）";
    public const string RemoveImage = "この画像を削除する";
    public const string ImageAlt = "選んだ画像";
    public const string ImageTooLargeOnPhone = "この画像は大きすぎます（10 MB まで）。小さくしてから選んでください。";
    public const string NotAnImageOnPhone = "JPEG または PNG の画像を選んでください。ほかの種類のファイルは送れません。";

    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string ThankYou(string title) => $"アンケート「{title}」にご回答いただき、ありがとうございました。いただいたご意見は、市政の参考にさせていただきます。";

    public static string ThankYouForChange(string title) => $"アンケート「{title}」の回答の修正を受け付けました。ありがとうございました。";

    public static string NotYetOpen(DateTimeOffset opensAt) => $"このアンケートの受付は {Display(opensAt)} からです。その時刻を過ぎてから、もう一度開いてください。";

    public static string Period(DateTimeOffset closesAt) => $"受付期限: {Display(closesAt)}";

    public static string Condition(string question, string answers) => $"「{question}」で「{answers}」と答えた方のみ";

    public static string Images(int max) => $"JPEG か PNG の画像を {max} 枚まで（1 枚 10 MB まで）。位置情報などは取り除いて保存します。";

    public static string ImageCount(int count) => $"画像 {count} 枚";

    public static string ImagesLeft(int max, int kept) => $"あと {max - kept} 枚選べます";

    public static string TooLarge(long maxBytes) =>
        $"送ったファイルの合計が大きすぎます（{maxBytes / 1024 / 1024} MB まで）。前の画面に戻り、画像を減らすか小さくしてから、もう一度送ってください。入力した内容はこの端末に残っています。";

    public static string Characters(int max) => $"{max} 文字まで";

    public static string ChoiceCount(int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) when a == b => $"{a} 個選んでください",
        ({ } a and > 0, { } b) => $"{a}〜{b} 個選んでください",
        (_, { } b) => $"{b} 個まで選べます",
        ({ } a and > 0, null) => $"{a} 個以上選んでください",
        _ => "いくつでも選べます",
    };

    public static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } a, { } b) => $"{a}〜{b} の数",
        ({ } a, null) => $"{a} 以上の数",
        (null, { } b) => $"{b} 以下の数",
        _ => "数字で入力",
    };

    /// <summary>A time in Japan, as residents read it: 2026年4月30日(木) 17:00.</summary>
    public static string Display(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Tokyo).ToString("yyyy年M月d日(ddd) HH:mm", Japanese);
}
