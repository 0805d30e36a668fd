using SmartBranch.Modules.Surveys.Answering;

namespace SmartBranch.Modules.Surveys.PublicComments;

/// <summary>The public comment pages' and messages' words, in plain Japanese.</summary>
internal static class PublicCommentText
{
    public const string PageTitle = "パブリックコメント";
    public const string Lead = "市の計画などの案について、ご意見を募集しています。資料をお読みのうえ、ご意見をお寄せください。";
    public const string Documents = "資料";
    public const string NoDocuments = "この案件には資料の添付はありません。";
    public const string Privacy = "氏名などの個人情報は、ご意見の内容を確かめるためだけに使います。結果の公表では、個人情報は公表しません。個別のご意見にはお答えしません。";
    public const string DoneTitle = "送信しました";
    public const string Done = "ご意見ありがとうございました。LINE にもお礼のメッセージをお送りしました（ご意見の内容は含みません）。結果は公表のときに LINE でお知らせします。";
    public const string AlreadyReceived = "このご意見は、すでに受け付けています。ありがとうございました。";
    public const string NotFound = "パブリックコメントの案件が見つかりません。LINE のメッセージから、もう一度開いてください。";
    public const string Closed = "この案件のご意見の受付は終了しました。ご協力ありがとうございました。";
    public const string ClosedWithResult = "この案件のご意見の受付は終了しました。意見の概要と市の考え方を公表しています。";
    public const string NotFriend = "ご意見は、市の LINE 公式アカウントを友だち追加してから送れます。友だち追加のあと、もう一度開いてください。";
    public const string ResultTitle = "意見の募集結果";
    public const string ResultNotPublished = "この案件の結果は、まだ公表されていません。";
    public const string OpinionSummary = "意見の概要";
    public const string CityResponse = "市の考え方";
    public const string SeeResult = "結果を見る";

    public static string Department(string department) => $"担当: {department}";

    public static string Period(DateTimeOffset opensAt, DateTimeOffset closesAt) =>
        $"意見の募集期間: {SurveyPageText.Display(opensAt)} 〜 {SurveyPageText.Display(closesAt)}";

    public static string NotYetOpen(DateTimeOffset opensAt) => $"この案件のご意見の受付は {SurveyPageText.Display(opensAt)} からです。その時刻を過ぎてから、もう一度開いてください。";

    public static string OpinionCount(int count) => $"寄せられたご意見: {count:N0} 件";

    public static string PublishedAt(DateTimeOffset at) => $"公表日: {SurveyPageText.Display(at)}";

    public static string DocumentLink(string title, long sizeBytes) => $"{title}（PDF、{Math.Max(1, (sizeBytes + 1023) / 1024):N0} KB）";

    public static string ThankYou(string title) =>
        $"パブリックコメント「{title}」にご意見をお寄せいただき、ありがとうございました。結果を公表するときに、この LINE でお知らせします。";

    public static string ResultPublished(string title, Uri resultPage) =>
        $"パブリックコメント「{title}」にご意見をお寄せいただき、ありがとうございました。寄せられたご意見の概要と市の考え方を公表しました。\n{resultPage.AbsoluteUri}";
}
