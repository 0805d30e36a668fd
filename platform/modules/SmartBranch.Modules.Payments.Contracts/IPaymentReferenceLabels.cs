namespace SmartBranch.Modules.Payments.Contracts;

/// <summary>
/// What the references of one module's payments stand for, for staff reconciling payments: a label such as an
/// application's receipt number, never personal data. Each module that starts payments registers one.
/// </summary>
public interface IPaymentReferenceLabels
{
    /// <summary>The module that starts payments under these references (<c>applications</c>).</summary>
    string Module { get; }

    /// <returns>The label of each of <paramref name="references"/> the module knows, by reference.</returns>
    Task<IReadOnlyDictionary<string, PaymentReferenceLabel>> LabelsAsync(IReadOnlyCollection<string> references, CancellationToken ct);
}

/// <param name="Label">What staff call the thing paid for (an application's receipt number).</param>
/// <param name="ItemId">Its id in the module (the application's), for a link to it.</param>
public sealed record PaymentReferenceLabel(string Label, string ItemId);
