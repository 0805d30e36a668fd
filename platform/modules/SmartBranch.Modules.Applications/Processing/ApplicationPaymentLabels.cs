using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// Names an application's payment by its receipt number, for staff reconciling payments. The receipt number is not
/// personal, so it is named whatever the department; the application itself stays behind its own permissions.
/// </summary>
internal sealed class ApplicationPaymentLabels(SmartBranchDbContext db) : IPaymentReferenceLabels
{
    public string Module => "applications";

    public async Task<IReadOnlyDictionary<string, PaymentReferenceLabel>> LabelsAsync(IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var wanted = references.ToList();
        var labelled = await db.Set<ResidentApplication>().AsNoTracking()
            .Where(a => a.PaymentReference != null && a.ReceiptNumber != null && wanted.Contains(a.PaymentReference))
            .Select(a => new { a.Id, a.PaymentReference, a.ReceiptNumber })
            .ToListAsync(ct);
        return labelled.ToDictionary(a => a.PaymentReference!, a => new PaymentReferenceLabel(a.ReceiptNumber!, a.Id.ToString()), StringComparer.Ordinal);
    }
}
