using System.Text.Json.Serialization;

namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>
/// Which residents a delivery (or an invitation) reaches, as a tree over the attributes residents
/// registered (<see cref="SegmentAttribute"/>): stored as JSON with the delivery, so the approver,
/// the sender and the report all read the same condition.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AttributeIn), "attribute")]
[JsonDerivedType(typeof(AllOf), "all")]
[JsonDerivedType(typeof(AnyOf), "any")]
public abstract record SegmentExpression;

/// <summary>The resident registered at least one of <paramref name="Values"/> for <paramref name="Attribute"/> (a catalogue key).</summary>
public sealed record AttributeIn(string Attribute, IReadOnlyList<string> Values) : SegmentExpression;

/// <summary>Every part holds (AND).</summary>
public sealed record AllOf(IReadOnlyList<SegmentExpression> Parts) : SegmentExpression;

/// <summary>At least one part holds (OR).</summary>
public sealed record AnyOf(IReadOnlyList<SegmentExpression> Parts) : SegmentExpression;
