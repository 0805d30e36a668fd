using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// The scope's tenant environment's client, looked up on each call rather than when it is injected: a portal
/// circuit creates its components (and everything they inject) before they enter their tenant environment.
/// </summary>
internal sealed class CurrentTenantLineClient(TenantLineClients clients, ICurrentTenant currentTenant) : ILineMessagingClient
{
    private ILineMessagingClient Client
    {
        get
        {
            var tenant = currentTenant.Required;
            return clients.For(tenant.TenantSlug, tenant.Environment);
        }
    }

    public Task ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default) =>
        Client.ReplyAsync(replyToken, messages, cancellationToken);

    public Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default) =>
        Client.PushAsync(to, messages, retryKey, cancellationToken);

    public Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default) =>
        Client.MulticastAsync(to, messages, retryKey, cancellationToken);

    public Task<LineUserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default) =>
        Client.GetProfileAsync(userId, cancellationToken);

    public Task<LineMessageContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default) =>
        Client.GetMessageContentAsync(messageId, cancellationToken);

    public Task<LineBotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default) => Client.GetBotInfoAsync(cancellationToken);

    public Task<LineMessageQuota> GetMessageQuotaAsync(CancellationToken cancellationToken = default) => Client.GetMessageQuotaAsync(cancellationToken);
}
