using MassTransit;
using SmartBranch.Kernel.Maintenance;

namespace SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;

/// <summary>
/// Prepares the announcement of a maintenance window as a draft delivery to all friends of the tenant environment.
/// Nothing is sent: the city's staff read it in their list of deliveries, edit it if they wish, and submit it for
/// approval as any other delivery.
/// </summary>
internal sealed class MaintenanceAnnouncementRequestedHandler(RequestedDrafts drafts) : IConsumer<MaintenanceAnnouncementRequestedIntegrationEvent>
{
    public Task Consume(ConsumeContext<MaintenanceAnnouncementRequestedIntegrationEvent> context)
    {
        var request = context.Message;
        var period = MaintenanceTime.Describe(request.StartsAt, request.EndsAt);
        return drafts.CreateAsync(
            "broadcast.maintenance-announcement", request.EventId, request.RequestedByUserId, $"メンテナンスのお知らせ（{period}）", Text(request, period),
            null, "メンテナンスのお知らせの下書きを作成（運用担当者の依頼）", context.CancellationToken);
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
