namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>
/// The real services some tests need: PostgreSQL (<c>TEST_POSTGRES</c>, a connection string to a
/// server where the user may create databases) and RabbitMQ (<c>TEST_RABBITMQ</c>, an amqp:// URL).
/// Without them those tests are skipped on a developer's machine, and fail under <c>CI=true</c>,
/// where nothing may be skipped.
/// </summary>
internal static class TestServices
{
    public static string? Postgres => Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static Uri? RabbitMq => Environment.GetEnvironmentVariable("TEST_RABBITMQ") is { Length: > 0 } value ? new Uri(value) : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequirePostgres() => Postgres ?? Unavailable<string>("TEST_POSTGRES");

    public static Uri RequireRabbitMq() => RabbitMq ?? Unavailable<Uri>("TEST_RABBITMQ");

    private static T Unavailable<T>(string variable)
    {
        var message = $"{variable} is not set: start the service and set it (see .ci/run).";
        if (IsCi)
        {
            Assert.Fail($"CI=true and {message}");
        }

        Assert.Skip(message);
        return default!;
    }
}
