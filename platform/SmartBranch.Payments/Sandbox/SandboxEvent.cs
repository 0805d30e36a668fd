using System.Text.Json;

namespace SmartBranch.Payments.Sandbox;

/// <summary>What the sandbox posts to the environment's webhook; its id is derived from what happened, so a repeat is a replay.</summary>
public sealed record SandboxEvent(
    string Id, string Type, long Created, string Reference, string? CheckoutId, string? PaymentId, string? RefundId, long Amount)
{
    public const string CheckoutCompleted = "checkout.completed";
    public const string RefundSucceeded = "refund.succeeded";

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, SerializerOptions);
}
