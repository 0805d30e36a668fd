using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Incidents;

public enum RequestOutcome
{
    /// <summary>Any answered request (the denominator of the error rate).</summary>
    Answered,

    /// <summary>A 5xx answer, or an exception that became one.</summary>
    ServerError,

    /// <summary>A LINE webhook refused with 401: its signature did not match the channel secret.</summary>
    WebhookSignatureRejected,

    /// <summary>A LINE webhook answered with 5xx: LINE will redeliver, and residents wait.</summary>
    WebhookServerError,
}

/// <summary>
/// How many requests one process answered with an outcome during one minute, written every few seconds,
/// so the alert evaluator sees every process's traffic. Only counts: no path, address or body.
/// </summary>
public sealed class RequestOutcomeCount
{
    public Guid Id { get; init; }
    public DateTimeOffset Minute { get; init; }
    public RequestOutcome Outcome { get; init; }

    /// <summary>The tenant environment of a webhook outcome; null for the server-wide ones.</summary>
    public string? TenantSlug { get; init; }
    public string? EnvironmentName { get; init; }
    public int Count { get; init; }
}

internal sealed class RequestOutcomeCountConfiguration : IEntityTypeConfiguration<RequestOutcomeCount>
{
    public void Configure(EntityTypeBuilder<RequestOutcomeCount> builder)
    {
        builder.ToTable("kernel_request_outcomes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(40);
        builder.HasIndex(c => new { c.Minute, c.Outcome });
    }
}
