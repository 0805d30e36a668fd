using System.Text.Json.Nodes;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// What the resident is told in LINE when staff move their application: the receipt number and the status, nothing
/// personal, with a button to the application's status page, where the resident signs in and reads the rest (a
/// rejection's reason among it).
/// </summary>
internal static class ApplicationNotices
{
    public const string StatusPageLabel = "申請の状況を見る";

    /// <param name="statusPage">The resident's own application page (LIFF).</param>
    public static LineMessage StatusChanged(string receiptNumber, ApplicationStatus status, Uri statusPage)
    {
        var text = status switch
        {
            ApplicationStatus.UnderReview => $"申請（受付番号 {receiptNumber}）の審査を始めました。",
            ApplicationStatus.Shipped => $"申請（受付番号 {receiptNumber}）の証明書を郵送しました。届くまでしばらくお待ちください。",
            ApplicationStatus.Rejected =>
                $"申請（受付番号 {receiptNumber}）は、お受けできませんでした（却下）。理由は申請の状況のページでご確認ください。お支払いいただいた手数料は返金します。",
            _ => $"申請（受付番号 {receiptNumber}）の状況が「{status.Japanese()}」になりました。",
        };
        var buttons = new JsonObject
        {
            ["type"] = "buttons",
            ["text"] = text,
            ["actions"] = new JsonArray(new UriAction(statusPage.AbsoluteUri) { Label = StatusPageLabel }.ToJsonObject()),
        };
        return new TemplateMessage(text, buttons);
    }
}
