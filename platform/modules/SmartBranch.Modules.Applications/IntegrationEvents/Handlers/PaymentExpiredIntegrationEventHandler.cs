using MassTransit;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.IntegrationEvents.Handlers;

/// <summary>The checkout lapsed unpaid: the application keeps waiting for payment, and its page offers to pay again.</summary>
internal sealed class PaymentExpiredIntegrationEventHandler(IInbox inbox, SmartBranchDbContext db, TimeProvider clock) : IConsumer<PaymentExpiredIntegrationEvent>
{
    private const string ConsumerName = "applications.payment-expired";

    public async Task Consume(ConsumeContext<PaymentExpiredIntegrationEvent> context)
    {
        var expired = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, expired.EventId, cancellationToken))
        {
            return;
        }

        var application = await db.Set<ResidentApplication>().SingleOrDefaultAsync(a => a.PaymentReference == expired.Reference, cancellationToken);
        application?.RecordPaymentExpired(expired.Reference, clock.GetUtcNow());
        inbox.MarkProcessed(ConsumerName, expired.EventId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
