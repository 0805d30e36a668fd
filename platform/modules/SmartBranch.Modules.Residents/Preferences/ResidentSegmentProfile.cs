using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Preferences;

internal sealed class ResidentSegmentProfile(SmartBranchDbContext db, ISegmentCatalog catalog) : IResidentSegmentProfile
{
    public async Task<IReadOnlyDictionary<string, string>> SingleChoiceValuesAsync(string lineUserId, CancellationToken cancellationToken)
    {
        var singleChoice = (await catalog.GetAttributesAsync(cancellationToken)).Where(a => !a.MultipleChoice).Select(a => a.Key).ToList();
        var values = await db.Set<ResidentAttributeValue>().AsNoTracking()
            .Where(v => singleChoice.Contains(v.AttributeKey)
                && db.Set<Resident>().Any(r => r.Id == v.ResidentId && r.LineUserId == lineUserId))
            .Select(v => new { v.AttributeKey, v.ValueKey })
            .ToListAsync(cancellationToken);
        return values.GroupBy(v => v.AttributeKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ValueKey, StringComparer.Ordinal);
    }
}
