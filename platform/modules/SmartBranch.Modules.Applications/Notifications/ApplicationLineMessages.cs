using SmartBranch.Line.Messages;

namespace SmartBranch.Modules.Applications.Notifications;

/// <summary>What the chat says about an application: the receipt number and a link, never anything the resident entered.</summary>
public static class ApplicationLineMessages
{
    /// <param name="page">The application's page, where the resident sees the details after signing in.</param>
    public static LineMessage Received(string receiptNumber, string typeName, Uri page) => new TextMessage(
        $"{typeName}の申請を受け付けました。受付番号は {receiptNumber} です。\n審査の状況はこのトークでお知らせします。証明書は審査の後に郵送します。\n{page.AbsoluteUri}");
}
