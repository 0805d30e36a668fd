using System.Net;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Line.Client;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>Calls LINE's bot-info API with an environment's token and says in plain Japanese what LINE answered.</summary>
internal sealed class LineConnectionTester(TenantLineClients clients)
{
    public async Task<LineConnectionTestResult> TestAsync(TenantDefinition tenant, TenantEnvironment environment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(environment.Line.ChannelAccessToken))
        {
            return new LineConnectionTestResult(false, null, null, null, "チャネルアクセストークンが設定されていません。", null);
        }

        var client = clients.For(tenant.Slug, environment);
        try
        {
            var bot = await client.GetBotInfoAsync(cancellationToken);
            return new LineConnectionTestResult(true, 200, bot.DisplayName, bot.BasicId, $"LINE に接続できました（{bot.DisplayName}）。", null);
        }
        catch (LineApiException e)
        {
            var status = e.StatusCode == 0 ? (int?)null : (int)e.StatusCode;
            return new LineConnectionTestResult(false, status, null, null, Explain(e.StatusCode), e.RequestId);
        }
    }

    private static string Explain(HttpStatusCode status) => (int)status switch
    {
        0 => "LINE に接続できませんでした。API の URL とネットワークを確認してください。",
        400 => "LINE が要求を受け付けませんでした。チャネルの設定を確認してください。",
        401 => "トークンが無効です。チャネルアクセストークンを確認してください（再発行した場合は新しいトークンを貼り付けてください）。",
        403 => "このチャネルアクセストークンには、この操作の権限がありません。",
        404 => "LINE の API が見つかりません。API の URL を確認してください。",
        429 => "LINE の API の利用上限に達しています。しばらく待ってからもう一度お試しください。",
        >= 500 => "LINE のサーバーで障害が起きている可能性があります。しばらく待ってからもう一度お試しください。",
        var other => $"LINE がエラーを返しました（{other}）。",
    };
}
