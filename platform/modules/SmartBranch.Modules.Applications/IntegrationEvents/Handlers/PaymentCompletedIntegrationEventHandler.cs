using MassTransit;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Notifications;
using SmartBranch.Modules.Applications.Resident;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.IntegrationEvents.Handlers;

/// <summary>
/// The application is paid: it becomes the city's (受付) and the resident gets its receipt number in the chat, once.
/// Events about payments of other modules, or redelivered, change nothing.
/// </summary>
internal sealed class PaymentCompletedIntegrationEventHandler(
    IInbox inbox, SmartBranchDbContext db, ICurrentTenant currentTenant, ApplicationCatalogFiles catalogs, ILineMessenger messenger, ResidentPageLinks links,
    TimeProvider clock) : IConsumer<PaymentCompletedIntegrationEvent>
{
    private const string ConsumerName = "applications.payment-completed";

    public async Task Consume(ConsumeContext<PaymentCompletedIntegrationEvent> context)
    {
        var paid = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, paid.EventId, cancellationToken))
        {
            return;
        }

        var application = await db.Set<ResidentApplication>().SingleOrDefaultAsync(a => a.PaymentReference == paid.Reference, cancellationToken);
        if (application is not null && application.RecordPaymentCompleted(paid.Reference, clock.GetUtcNow()))
        {
            var tenant = currentTenant.Required;
            var typeName = catalogs.For(tenant.Tenant).Type(application.TypeKey)?.NameJa ?? application.TypeKey;
            messenger.Push(application.LineUserId, [ApplicationLineMessages.Received(
                application.ReceiptNumber!, typeName, links.For(tenant, $"{ApplicationPages.Page}/{application.Id}"))]);
        }

        inbox.MarkProcessed(ConsumerName, paid.EventId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
