namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// The test classes that use the shared RabbitMQ broker, run one after another: every test bed's consumers bind the
/// same queues, so a bed running at the same time would take another's messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqBroker
{
    public const string Name = "RabbitMQ broker";
}
