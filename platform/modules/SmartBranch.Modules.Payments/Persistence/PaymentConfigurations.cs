using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Persistence;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments_payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantSlug).HasMaxLength(40);
        builder.Property(p => p.EnvironmentName).HasMaxLength(20);
        builder.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.Property(p => p.Gateway).HasMaxLength(20);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CheckoutId).HasMaxLength(200);
        builder.Property(p => p.CheckoutUrl).HasMaxLength(4000);
        builder.Property(p => p.GatewayPaymentId).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IdempotencyKey);
        builder.HasIndex(p => new { p.TenantSlug, p.EnvironmentName, p.Reference }).IsUnique();
        builder.HasIndex(p => new { p.TenantSlug, p.EnvironmentName, p.PaidAt });
    }
}

internal sealed class PaymentRefundRecordConfiguration : IEntityTypeConfiguration<PaymentRefundRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRefundRecord> builder)
    {
        builder.ToTable("payments_refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.Property(r => r.Gateway).HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(PaymentRefundRecord.MaxReasonLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.GatewayRefundId).HasMaxLength(200);
        builder.Ignore(r => r.IdempotencyKey);
        builder.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PaymentId, r.RequestedAt });
        builder.HasIndex(r => new { r.TenantSlug, r.EnvironmentName, r.RequestedAt });
    }
}

internal sealed class PaymentWebhookEventConfiguration : IEntityTypeConfiguration<PaymentWebhookEvent>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookEvent> builder)
    {
        builder.ToTable("payments_webhook_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.Gateway).HasMaxLength(20);
        builder.Property(e => e.EventId).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.HasIndex(e => new { e.TenantSlug, e.EnvironmentName, e.Gateway, e.EventId }).IsUnique();
    }
}

internal sealed class PaymentDiscrepancyConfiguration : IEntityTypeConfiguration<PaymentDiscrepancy>
{
    public void Configure(EntityTypeBuilder<PaymentDiscrepancy> builder)
    {
        builder.ToTable("payments_discrepancies");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.TenantSlug).HasMaxLength(40);
        builder.Property(d => d.EnvironmentName).HasMaxLength(20);
        builder.Property(d => d.Gateway).HasMaxLength(20);
        builder.Property(d => d.EventId).HasMaxLength(200);
        builder.Property(d => d.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.Property(d => d.Detail).HasMaxLength(PaymentDiscrepancy.MaxDetailLength);
        builder.HasIndex(d => d.DetectedAt);
    }
}
