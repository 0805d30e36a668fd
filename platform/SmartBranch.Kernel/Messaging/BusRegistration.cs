using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Messaging;

public static class BusRegistration
{
    /// <summary>Registers a bus consumer; modules call this from <c>AddServices</c>, before the host adds the bus.</summary>
    public static IServiceCollection AddBusConsumer<TConsumer>(this IServiceCollection services)
        where TConsumer : class, IConsumer
    {
        services.AddSingleton(new BusConsumerRegistration(typeof(TConsumer)));
        return services;
    }

    /// <summary>MassTransit 8 on the configured transport, with every registered consumer, the tenant filter and retries.</summary>
    internal static IServiceCollection AddSmartBranchBus(this IServiceCollection services, IConfiguration configuration, bool runConsumers)
    {
        var options = configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        var consumers = services
            .Where(d => d.ServiceType == typeof(BusConsumerRegistration))
            .Select(d => ((BusConsumerRegistration)d.ImplementationInstance!).ConsumerType)
            .ToList();

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (runConsumers)
            {
                consumers.ForEach(c => bus.AddConsumer(c));
            }

            switch (options.Transport)
            {
                case BusTransport.RabbitMq:
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        var rabbit = options.RabbitMq;
                        cfg.Host(rabbit.Host, rabbit.UseTls ? (ushort)5671 : (ushort)5672, rabbit.VirtualHost, h =>
                        {
                            h.Username(rabbit.Username);
                            h.Password(rabbit.Password);
                            if (rabbit.UseTls)
                            {
                                h.UseSsl(ssl => ssl.ServerName = rabbit.Host);
                            }
                        });
                        ConfigureEndpoints(context, cfg);
                    });
                    break;
                default:
                    bus.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg));
                    break;
            }
        });
        return services;
    }

    private static void ConfigureEndpoints<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        cfg.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
        cfg.UseMessageRetry(r => r.Exponential(8, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2)));
        cfg.ConfigureEndpoints(context);
    }

    private sealed record BusConsumerRegistration(Type ConsumerType);
}
