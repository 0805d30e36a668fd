using System.Globalization;
using SmartBranch.Jpki;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Resident;

/// <summary>The resident pages' words (Japanese; residents read these in LINE).</summary>
internal static class ApplicationPageText
{
    public const string Title = "オンライン申請";
    public const string Lead = "住民票の写しなどの証明書を、LINE から申請して郵送で受け取れます。申請にはマイナンバーカード（署名用電子証明書）とお支払い（クレジットカードなど）が必要です。";
    public const string Unfinished = "申請中・申請済みのもの";
    public const string Choose = "申請する証明書を選んでください";
    public const string Continue = "続ける";
    public const string FormLead = "必要なことを入力して「確認へ進む」を押してください。入力した内容は保存され、途中でやめても続きから申請できます。";
    public const string ErrorSummary = "入力内容に確認が必要な箇所があります";
    public const string Required = "必須";
    public const string Optional = "任意";
    public const string Purpose = "使いみち";
    public const string PurposeDetail = "使いみち（具体的に）";
    public const string PurposeDetailHint = "「その他」を選んだときに入力してください。";
    public const string Copies = "通数";
    public const string HouseholdMembers = "証明書に載せる方";
    public const string HouseholdMembersHint = "世帯の中で、証明書に載せる方のお名前を 1 行に 1 人ずつ入力してください。";
    public const string Items = "記載する事項";
    public const string ItemsHint = "選ばなかった事項は省略して発行します。";
    public const string Variant = "証明書の種類";
    public const string FiscalYear = "年度";
    public const string FiscalYearHint = "所得は前年のものが載ります（例: 令和8年度の証明書には令和7年中の所得）。";
    public const string ChooseFiscalYear = "選んでください";
    public const string Domicile = "本籍";
    public const string DomicileInCityNo = "いいえ";
    public const string DomicileAddress = "本籍（地番まで）";
    public const string DomicileHead = "筆頭者のお名前";
    public const string Delivery = "送り先（住民登録の住所に限ります）";
    public const string RecipientName = "お名前";
    public const string PostalCode = "郵便番号";
    public const string PostalCodeHint = "7 桁の数字（例: 036-0104）";
    public const string Address = "住所（番地・部屋番号まで）";
    public const string Phone = "電話番号";
    public const string PhoneHint = "内容の確認が必要なときに、市からお電話することがあります。";
    public const string Postage = "郵送の方法";
    public const string ToReview = "確認へ進む";
    public const string Saved = "入力した内容を保存しました。";
    public const string ReviewTitle = "申請内容の確認";
    public const string ReviewLead = "内容と金額を確かめて、マイナンバーカードで署名してください。署名した後は内容を変えられません。";
    public const string Sign = "マイナンバーカードで署名する";
    public const string Edit = "修正する";
    public const string SignAgain = "もう一度署名する";
    public const string Amount = "金額";
    public const string Total = "合計";
    public const string PaymentTitle = "お支払い";
    public const string PaymentLead = "署名を確認しました。手数料と郵送料をお支払いください。お支払いが確認できたら申請を受け付けます。";
    public const string Pay = "支払う";
    public const string PaymentWaiting = "お支払いを確認しています。この画面のままお待ちください（確認できると自動で切り替わります）。";
    public const string PaymentCheckAgain = "状況を確かめる";
    public const string PaymentExpired = "お支払いの期限が切れました。もう一度「支払う」を押してお支払いください。";
    public const string ReceivedTitle = "申請を受け付けました";
    public const string ReceivedFollowUp = "審査の状況は LINE のトークでお知らせします。証明書は、審査の後に郵送します。";
    public const string StatusTitle = "申請の状況";
    public const string ShippedFollowUp = "証明書を郵送しました。届くまでしばらくお待ちください。";
    public const string RejectedFollowUp = "お支払いいただいた手数料は返金します。ご不明な点は、担当の課にお問い合わせください。";
    public const string Status = "状況";
    public const string ReceiptNumber = "受付番号";
    public const string Back = "申請の一覧へ";
    public const string NotFound = "この申請は見つかりませんでした。申請の一覧から選び直してください。";
    public const string NotOffered = "この市ではオンライン申請を受け付けていません。";
    public const string NotFriend = "申請するには、LINE で市の公式アカウントを友だちに追加してください。";
    public const string TypeWithdrawn = "この証明書は、いまはオンラインで申請できません。市の窓口にお問い合わせください。";
    public const string Incomplete = "入力に不足があります。内容を確かめてください。";
    public const string AlreadySigned = "この申請はすでに署名済みです。";
    public const string NotAwaitingPayment = "この申請はお支払いを待っていません。";
    public const string Expired = "画面の有効期限が切れました。入力した内容はそのままです。もう一度押してください。";
    public const string SigningUnavailable = "署名の準備ができませんでした。しばらくしてから、もう一度お試しください。";
    public const string SigningNotCompleted = "署名が完了しませんでした（途中で取りやめたか、時間が過ぎました）。もう一度署名してください。";
    public const string PaymentUnavailable = "お支払いの準備ができませんでした。しばらくしてから、もう一度お試しください。";

    public static string DomicileYes(string cityName) => $"はい、本籍は{cityName}にあります";

    public static string Yen(int amount) => string.Create(CultureInfo.InvariantCulture, $"{amount:N0}円");

    public static string FeeLine(int feePerCopy, int copies) => $"発行手数料 {Yen(feePerCopy)} × {copies}通";

    public static string PostageLine(string postageName) => $"郵送料（{postageName}）";

    /// <summary>The page's heading: the receipt while the application waits, its status once staff took it up.</summary>
    public static string ReceivedHeading(ApplicationStatus status) => status == ApplicationStatus.Received ? ReceivedTitle : StatusTitle;

    public static string FollowUp(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Shipped => ShippedFollowUp,
        ApplicationStatus.Rejected => RejectedFollowUp,
        _ => ReceivedFollowUp,
    };

    public static string Receipt(string receiptNumber) => $"受付番号は {receiptNumber} です。お問い合わせの際にお伝えください。";

    /// <summary>Why the server did not accept the signature, and what the resident can do.</summary>
    public static string VerificationRefused(JpkiVerificationOutcome outcome) => outcome switch
    {
        JpkiVerificationOutcome.SignatureInvalid => "署名が申請の内容と一致しませんでした。もう一度署名してください。",
        JpkiVerificationOutcome.CertificateMalformed => "電子証明書を読み取れませんでした。もう一度署名してください。",
        JpkiVerificationOutcome.ChainUntrusted => "マイナンバーカードの署名用電子証明書であることを確認できませんでした。マイナンバーカードで署名してください。",
        JpkiVerificationOutcome.CertificateExpired => "署名用電子証明書の有効期限が切れています。市区町村の窓口で更新してから、もう一度署名してください。",
        JpkiVerificationOutcome.CertificateRevoked => "署名用電子証明書が失効しています（住所や氏名が変わると失効します）。窓口で新しい電子証明書を受けてから、もう一度署名してください。",
        JpkiVerificationOutcome.RevocationUnavailable => "電子証明書が有効かどうかを確認できませんでした（確認先に接続できません）。しばらくしてから、もう一度署名してください。",
        _ => "署名を確認できませんでした。もう一度署名してください。",
    };
}
