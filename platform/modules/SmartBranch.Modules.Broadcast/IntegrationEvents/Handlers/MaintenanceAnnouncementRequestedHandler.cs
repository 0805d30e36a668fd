using MassTransit;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;

/// <summary>
/// Prepares the announcement of a maintenance window as a draft delivery to all friends of the tenant environment.
/// Nothing is sent: the city's staff read it in their list of deliveries, edit it if they wish, and submit it for
/// approval as any other delivery.
/// </summary>
internal sealed class MaintenanceAnnouncementRequestedHandler(IInbox inbox, SmartBranchDbContext db, IAuditLog audit, TimeProvider clock)
    : IConsumer<MaintenanceAnnouncementRequestedIntegrationEvent>
{
    private const string ConsumerName = "broadcast.maintenance-announcement";

    public async Task Consume(ConsumeContext<MaintenanceAnnouncementRequestedIntegrationEvent> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, request.EventId, cancellationToken))
        {
            return;
        }

        var period = MaintenanceTime.Describe(request.StartsAt, request.EndsAt);
        var draft = new BroadcastDraft($"メンテナンスのお知らせ（{period}）", [new BroadcastText(Text(request, period))], null, null, new SendNow());
        var delivery = BroadcastDelivery.Draft(request.RequestedByUserId, draft, clock.GetUtcNow());
        db.Add(delivery);
        inbox.MarkProcessed(ConsumerName, request.EventId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("broadcast.draft.created", "broadcast", delivery.Id.ToString(), $"メンテナンスのお知らせの下書きを作成（運用担当者の依頼）「{delivery.Title}」"),
            cancellationToken);
    }

    internal static string Text(MaintenanceAnnouncementRequestedIntegrationEvent request, string period)
    {
        var hours = request.AlternativeHours is { } h ? $"、受付時間 {h}" : "";
        return $"""
            【メンテナンスのお知らせ】
            {period} は、{request.Reason}のため、LINE からのお手続き・ご案内の画面をご利用いただけません。
            お急ぎの方は、{request.AlternativeCounter}（電話 {request.AlternativePhone}{hours}）をご利用ください。
            ご不便をおかけしますが、ご理解とご協力をお願いいたします。
            """;
    }
}
