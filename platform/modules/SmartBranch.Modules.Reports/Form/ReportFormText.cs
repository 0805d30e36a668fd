using SmartBranch.Kernel.Media;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>The report form's words, in plain Japanese.</summary>
internal static class ReportFormText
{
    public const string Title = "通報フォーム";
    public const string Lead = "道路の穴や街灯の故障などを、写真と場所で市へお知らせください。受付番号は、この画面と LINE のトークでお伝えします。";
    public const string Required = "必須";
    public const string Optional = "任意";
    public const string CategoryLegend = "1. 通報の種類";
    public const string PhotoLegend = "2. 写真";
    public const string PlaceLegend = "3. 場所";
    public const string CommentLabel = "4. コメント";
    public const string PhotoHint = "その場所の写真を 1 枚。JPEG または PNG で 10 MB まで。位置情報などの付加情報は消して保存します（撮影日時だけは残します）。";
    public const string TakePhoto = "カメラで撮る";
    public const string ChoosePhoto = "撮った写真から選ぶ";
    public const string PhotoKept = "この写真を送ります。別の写真にするときは、下で選び直してください。";
    public const string PhotoKeptAlt = "送る写真";
    public const string PlaceHint = "地図を押すか、印を動かして、場所を合わせてください。「現在地を使う」でも選べます。";
    public const string PlaceFallback =
        "地図を使えないときは、その場所の緯度と経度を数字で入力してください（例: 緯度 40.58410、経度 140.56680）。住所や目印の文字だけでは、場所として受け付けられません。" +
        "LINE のトークで「通報」と送ると、LINE の位置情報で送ることもできます。";
    public const string MapLabel = "場所を選ぶ地図";
    public const string UseLocation = "現在地を使う";
    public const string Latitude = "緯度";
    public const string Longitude = "経度";
    public const string CommentHint = "状況や目印など、伝えたいことがあれば（500 文字まで）。";
    public const string Confirm = "入力内容を確認する";
    public const string ErrorSummary = "入力内容を確かめてください。";
    public const string ConfirmTitle = "入力内容の確認";
    public const string ConfirmLead = "この内容で通報します。よろしければ「送信する」を押してください。";
    public const string Submit = "送信する";
    public const string Back = "修正する";
    public const string ReceivedTitle = "通報を受け付けました";
    public const string ReceivedFollowUp = "LINE のトークにも受付番号をお送りしました。担当課が確認し、対応の状況はトークでお知らせします。ご協力ありがとうございました。";
    public const string NoComment = "なし";
    public const string CategoryFact = "種類";
    public const string PhotoFact = "写真";
    public const string CapturedFact = "撮影日時";
    public const string PlaceFact = "場所";
    public const string CommentFact = "コメント";
    public const string RoadManagerFact = "道路の管理";

    // Scripted messages: shown by reports-form.js, carried in the page so that all words stay here.
    public const string Locating = "現在地を調べています…";
    public const string Located = "現在地に印を置きました。違うときは、地図で合わせてください。";
    public const string LocationFailed = "現在地を調べられませんでした。地図を押して場所を選んでください。";
    public const string Pinned = "印を置きました";

    public const string ChooseCategory = "通報の種類を選んでください。";
    public const string ChoosePhotoError = "写真を選んでください。";
    public const string PlaceMissing = "場所を選んでください。地図を押すか「現在地を使う」を押すか、緯度と経度を入力してください。住所や目印の文字だけでは受け付けられません。";
    public const string PlaceInvalid = "緯度と経度は、数字で入力してください（例: 緯度 40.58410、経度 140.56680）。";

    public const string NotOffered = "この市では、まだ LINE での通報を受け付けていません。";
    public const string NotFriend = "通報は、市の LINE 公式アカウントを友だち追加してから送れます。友だち追加（ブロックしている場合はブロックの解除）のあと、もう一度開いてください。";
    public const string Expired = "画面の有効期限が切れたため、送信できませんでした。入力内容はそのままです。もう一度押してください。";
    public const string ReceiptNotFound = "この通報は見つかりません。LINE のトークで受付番号をご確認ください。";
    public const string TooLargeTitle = "ファイルが大きすぎます";

    public static readonly string PhotoTooLarge = $"写真が大きすぎます（{ImageReencoder.MaxUploadBytes / 1024 / 1024} MB まで）。小さくしてから選んでください。";

    public static readonly string TooLarge =
        $"送られたファイルが大きすぎて受け取れませんでした（写真は {ImageReencoder.MaxUploadBytes / 1024 / 1024} MB まで）。お手数ですが、フォームをもう一度開いて、小さい写真を選んでください。";

    public static string CommentTooLong(int length) => $"コメントは {ReportCase.MaxCommentLength} 文字までです（いま {length} 文字）。短くしてください。";

    public static string Receipt(string receiptNumber) => $"受付番号は {receiptNumber} です。";
}
