using System.Globalization;
using System.Text.Json.Nodes;
using SmartBranch.Kernel;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Chat;

/// <summary>
/// What the account says at each step of the report chat. Only what the resident sent is echoed back (in the
/// confirmation); nothing else personal goes through the chat.
/// </summary>
internal static class ReportChatMessages
{
    public const string StartWord = "通報";
    public const string CancelWord = "やめる";
    public const string SkipWord = "スキップ";

    public const string AskCategory = "通報ありがとうございます。どの種類の通報ですか？下のボタンから選んでください。（途中でやめるときは「やめる」と送ってください）";
    public const string AskPhoto = "その場所の写真を 1 枚送ってください。下の「カメラ」で撮るか、「写真を選ぶ」から選べます。";
    public const string AskLocation = "場所を送ってください。下の「位置情報を送る」を押し、地図で場所を合わせて送信してください。";
    public const string AskComment = "状況など、伝えたいことがあれば入力してください（500 文字まで）。なければ「スキップ」を押してください。";
    public const string ConfirmLead = "この内容で通報します。よろしければ「送信する」を押してください。";
    public const string Cancelled = "通報を取りやめました。もう一度通報するときは「通報」と送ってください。";
    public const string Expired = "時間が経ったため、途中の通報を取りやめました。もう一度「通報」から始めてください。";
    public const string ChooseCategoryHint = "通報の種類を、下のボタンから選んでください。";
    public const string PhotoHint = "写真を送ってください。";
    public const string LocationHint = "位置情報を送ってください（住所の文字では受け付けられません）。";
    public const string ConfirmHint = "「送信する」か「やめる」を押してください。";
    public const string PhotoUnavailable = "写真を受け取れませんでした。お手数ですが、もう一度送ってください。";

    public const string StartPostback = "reports:start";
    public const string SubmitPostback = "reports:submit";
    public const string CategoryPostbackPrefix = "reports:category:";

    public const string FormLabel = "フォームで通報";
    public const string FormOffer = "写真と地図を使うフォームからも通報できます（下の「" + FormLabel + "」）。";

    /// <param name="formUrl">The LIFF report form, offered as the alternative at the start.</param>
    public static LineMessage Categories(ReportCatalog catalog, string? lead = null, Uri? formUrl = null) => Ask(
        formUrl is null ? lead ?? AskCategory : (lead ?? AskCategory) + "\n" + FormOffer,
        [
            .. catalog.Categories.Select(c => new LineQuickReplyItem(new PostbackAction(CategoryPostbackPrefix + c.Key) { Label = c.NameJa, DisplayText = c.NameJa })),
            .. formUrl is null ? [] : new[] { new LineQuickReplyItem(new UriAction(formUrl.AbsoluteUri) { Label = FormLabel }) },
            Cancel(),
        ]);

    public static LineMessage Photo(string? lead = null) => Ask(
        lead is null ? AskPhoto : lead + "\n" + AskPhoto,
        [new(new CameraAction { Label = "カメラ" }), new(new CameraRollAction { Label = "写真を選ぶ" }), Cancel()]);

    public static LineMessage Location(string? lead = null) => Ask(
        lead is null ? AskLocation : lead + "\n" + AskLocation,
        [new(new LocationAction { Label = "位置情報を送る" }), Cancel()]);

    public static LineMessage Comment(string? lead = null) => Ask(
        lead is null ? AskComment : lead + "\n" + AskComment,
        [new(new MessageAction(SkipWord) { Label = SkipWord }), Cancel()]);

    public static LineMessage OutsideCity(string cityName) => Location(OutsideCityText(cityName, "送っていただいた", "送って"));

    /// <param name="given">How the resident gave the place (送っていただいた, 選んだ).</param>
    /// <param name="give">What they are asked to do again (送って, 選んで).</param>
    public static string OutsideCityText(string cityName, string given, string give) =>
        $"{given}場所は{cityName}の外のようです。{cityName}内の場所を{give}ください。市外のことは、その場所の市町村へご連絡ください。";

    public static LineMessage CommentTooLong() => Comment($"コメントは {ReportCase.MaxCommentLength} 文字までです。短くしてもう一度送ってください。");

    /// <param name="publicMap">The tenant's public status map, when it publishes one.</param>
    public static LineMessage Received(string receiptNumber, RoadManagerMatch? roadManager = null, Uri? publicMap = null) => new TextMessage(
        $"通報を受け付けました。受付番号は {receiptNumber} です。\n担当課が確認し、対応の状況はこのトークでお知らせします。ご協力ありがとうございました。"
        + (roadManager is null ? "" : "\n\n" + RoadManagerNotice(roadManager))
        + (publicMap is null ? "" : $"\n\n市内の通報と対応の状況は、地図でもご覧いただけます（場所はおおよそで、お名前やコメントは載りません）。\n{publicMap.AbsoluteUri}"));

    /// <summary>Who handles a road the city does not manage, and whom to call when it is urgent.</summary>
    public static string RoadManagerNotice(RoadManagerMatch roadManager)
    {
        var notice = $"この場所は{roadManager.Road}で、{roadManager.Manager.Name}が管理しています。市から管理者へお伝えします。";
        return roadManager.Manager.Contact is { } contact
            ? notice + $"穴や落下物など急ぎの危険は、{contact} へ直接お電話ください。"
            : notice;
    }

    public static LineMessage StatusChanged(string receiptNumber, ReportStatus status) => new TextMessage(status switch
    {
        ReportStatus.InProgress => $"通報（受付番号 {receiptNumber}）について、担当課が対応を始めました。",
        ReportStatus.Completed => $"通報（受付番号 {receiptNumber}）の対応が完了しました。ご協力ありがとうございました。",
        ReportStatus.Declined => $"通報（受付番号 {receiptNumber}）については、市では対応できないと判断しました。詳しくは市役所へお問い合わせください。",
        _ => $"通報（受付番号 {receiptNumber}）の状況が「{status.Japanese()}」になりました。",
    });

    /// <summary>A Flex bubble repeating what the resident sent, with the send and cancel buttons.</summary>
    public static LineMessage Confirmation(ReportConversation conversation, ReportCategory category, RoadManagerMatch? roadManager)
    {
        var rows = new JsonArray
        {
            Row("種類", category.NameJa),
            Row("場所", Place(conversation.Address, conversation.Latitude!.Value, conversation.Longitude!.Value)),
        };
        if (conversation.CapturedAt is { } captured)
        {
            rows.Add(Row("撮影", JapanTime.Display(captured)));
        }

        rows.Add(Row("コメント", conversation.Comment ?? "なし"));
        if (roadManager is not null)
        {
            rows.Add(Row("道路の管理", RoadManagerNotice(roadManager)));
        }

        var bubble = new JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["spacing"] = "md",
                ["contents"] = new JsonArray
                {
                    new JsonObject { ["type"] = "text", ["text"] = ConfirmLead, ["wrap"] = true, ["weight"] = "bold" },
                    new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "sm", ["contents"] = rows },
                },
            },
            ["footer"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["spacing"] = "sm",
                ["contents"] = new JsonArray
                {
                    Button(new PostbackAction(SubmitPostback) { Label = "送信する", DisplayText = "送信する" }, "primary"),
                    Button(new MessageAction(CancelWord) { Label = CancelWord }, "secondary"),
                },
            },
        };
        return new FlexMessage("通報の内容の確認", bubble);
    }

    public static string Place(string? address, double latitude, double longitude) =>
        address ?? string.Create(CultureInfo.InvariantCulture, $"緯度 {latitude:F5}、経度 {longitude:F5}");

    private static TextMessage Ask(string text, IReadOnlyList<LineQuickReplyItem> items) => new(text) { QuickReply = new LineQuickReply(items) };

    private static LineQuickReplyItem Cancel() => new(new MessageAction(CancelWord) { Label = CancelWord });

    private static JsonObject Row(string label, string value) => new()
    {
        ["type"] = "box",
        ["layout"] = "baseline",
        ["spacing"] = "sm",
        ["contents"] = new JsonArray
        {
            new JsonObject { ["type"] = "text", ["text"] = label, ["size"] = "sm", ["color"] = "#666666", ["flex"] = 2 },
            new JsonObject { ["type"] = "text", ["text"] = value, ["size"] = "sm", ["wrap"] = true, ["flex"] = 5 },
        },
    };

    private static JsonObject Button(LineAction action, string style) => new()
    {
        ["type"] = "button",
        ["style"] = style,
        ["action"] = action.ToJsonObject(),
    };
}
