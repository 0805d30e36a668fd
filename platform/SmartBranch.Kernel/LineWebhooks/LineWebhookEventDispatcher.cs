using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>Parses a stored event and runs every module handler registered for its type.</summary>
internal sealed class LineWebhookEventDispatcher(IServiceProvider services)
{
    public async Task DispatchAsync(string payload, CancellationToken cancellationToken)
    {
        var webhookEvent = LineWebhookEvent.Parse(payload);
        var invoker = (IHandlerInvoker)Activator.CreateInstance(typeof(HandlerInvoker<>).MakeGenericType(webhookEvent.GetType()))!;
        await invoker.InvokeAsync(services, webhookEvent, cancellationToken);
    }

    private interface IHandlerInvoker
    {
        Task InvokeAsync(IServiceProvider services, LineWebhookEvent webhookEvent, CancellationToken cancellationToken);
    }

    private sealed class HandlerInvoker<TEvent> : IHandlerInvoker
        where TEvent : LineWebhookEvent
    {
        public async Task InvokeAsync(IServiceProvider services, LineWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            foreach (var handler in services.GetServices<ILineWebhookEventHandler<TEvent>>())
            {
                await handler.HandleAsync((TEvent)webhookEvent, cancellationToken);
            }
        }
    }
}
