using SmartBranch.Line.Messages;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// What the resident is told in LINE when staff move their application: the receipt number and the status, nothing
/// personal. A rejection's reason is not sent in the chat; the resident reads it on their application's status page.
/// </summary>
internal static class ApplicationNotices
{
    public static LineMessage StatusChanged(string receiptNumber, ApplicationStatus status) => new TextMessage(status switch
    {
        ApplicationStatus.UnderReview => $"申請（受付番号 {receiptNumber}）の審査を始めました。",
        ApplicationStatus.Shipped => $"申請（受付番号 {receiptNumber}）の証明書を郵送しました。届くまでしばらくお待ちください。",
        ApplicationStatus.Rejected =>
            $"申請（受付番号 {receiptNumber}）は、お受けできませんでした（却下）。理由は申請の状況のページでご確認ください。お支払いいただいた手数料は返金します。",
        _ => $"申請（受付番号 {receiptNumber}）の状況が「{status.Japanese()}」になりました。",
    });
}
