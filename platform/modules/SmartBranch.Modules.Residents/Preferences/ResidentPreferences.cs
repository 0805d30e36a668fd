using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Preferences;

internal enum PreferencesProblem
{
    /// <summary>Choices were made without accepting the current consent text.</summary>
    ConsentRequired,

    /// <summary>A value, or an attribute, the catalogue does not have.</summary>
    UnknownValue,

    /// <summary>More than one value for a single-choice attribute.</summary>
    OneValueOnly,
}

/// <param name="AttributeKey">The attribute concerned; null for the consent.</param>
internal sealed record PreferencesError(string? AttributeKey, PreferencesProblem Problem);

/// <summary>A resident's choices: attribute key → value keys (empty when they chose nothing).</summary>
internal sealed record PreferenceChoices(IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    public static readonly PreferenceChoices None = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyList<string> For(string attributeKey) => Values.TryGetValue(attributeKey, out var values) ? values : [];

    public bool IsEmpty => Values.Values.All(v => v.Count == 0);
}

/// <summary>
/// A resident's preferences in the current tenant environment: the catalogue values they registered and the consent
/// they gave. Saving is the resident's own action: it goes to their history and tells other modules through the
/// outbox, in the same commit.
/// </summary>
internal sealed class ResidentPreferences(
    SmartBranchDbContext db, ISegmentCatalogSource catalogs, ICurrentTenant currentTenant, IOutbox outbox, TimeProvider clock)
{
    private SegmentCatalogDefinition? _catalog;

    /// <summary>The catalogue <see cref="LoadCatalogAsync"/> loaded for this request.</summary>
    public SegmentCatalogDefinition Catalog => _catalog ?? throw new InvalidOperationException("Load the catalogue first.");

    public async Task<SegmentCatalogDefinition> LoadCatalogAsync(CancellationToken cancellationToken) =>
        _catalog ??= await catalogs.ForAsync(currentTenant.Required, cancellationToken);

    public Task<Resident?> FindResidentAsync(string lineUserId, CancellationToken cancellationToken) =>
        db.Set<Resident>().SingleOrDefaultAsync(r => r.LineUserId == lineUserId, cancellationToken);

    public async Task<PreferenceChoices> ChoicesAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ResidentAttributeValue>().AsNoTracking()
            .Where(v => v.ResidentId == residentId)
            .Select(v => new { v.AttributeKey, v.ValueKey })
            .ToListAsync(cancellationToken);
        return new PreferenceChoices(rows.GroupBy(r => r.AttributeKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.ValueKey).Order(StringComparer.Ordinal).ToList()));
    }

    /// <summary>The mistakes in <paramref name="choices"/>; none means they may be saved.</summary>
    public static IReadOnlyList<PreferencesError> Validate(SegmentCatalogDefinition catalog, PreferenceChoices choices, string? acceptedConsentVersion)
    {
        var errors = new List<PreferencesError>();
        if (!choices.IsEmpty && (catalog.Consent is null || acceptedConsentVersion != catalog.Consent.Version))
        {
            errors.Add(new PreferencesError(null, PreferencesProblem.ConsentRequired));
        }

        foreach (var (attributeKey, values) in choices.Values)
        {
            var attribute = catalog.FindAttribute(attributeKey);
            if (attribute is null || values.Any(v => !catalog.HasValue(attributeKey, v)))
            {
                errors.Add(new PreferencesError(attributeKey, PreferencesProblem.UnknownValue));
            }
            else if (!attribute.MultipleChoice && values.Count > 1)
            {
                errors.Add(new PreferencesError(attributeKey, PreferencesProblem.OneValueOnly));
            }
        }

        return errors;
    }

    /// <summary>Replaces the resident's choices, after <see cref="Validate"/> found no mistakes.</summary>
    public async Task<IReadOnlyList<PreferencesError>> SaveAsync(
        Resident resident, PreferenceChoices choices, string? acceptedConsentVersion, CancellationToken cancellationToken)
    {
        var catalog = await LoadCatalogAsync(cancellationToken);
        var errors = Validate(catalog, choices, acceptedConsentVersion);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow();
        var wanted = choices.Values.SelectMany(c => c.Value.Distinct(StringComparer.Ordinal).Select(v => (Attribute: c.Key, Value: v))).ToHashSet();
        var stored = await db.Set<ResidentAttributeValue>().Where(v => v.ResidentId == resident.Id).ToListAsync(cancellationToken);
        db.RemoveRange(stored.Where(s => !wanted.Contains((s.AttributeKey, s.ValueKey))));
        var kept = stored.Select(s => (s.AttributeKey, s.ValueKey)).ToHashSet();
        db.AddRange(wanted.Where(w => !kept.Contains(w)).Select(w => new ResidentAttributeValue(resident.Id, w.Attribute, w.Value)));

        if (acceptedConsentVersion is not null && acceptedConsentVersion == catalog.Consent?.Version)
        {
            resident.AcceptConsent(acceptedConsentVersion, now);
        }

        var details = JsonSerializer.Serialize(new
        {
            consentVersion = resident.ConsentVersion,
            choices = wanted.GroupBy(w => w.Attribute).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(w => w.Value).Order(StringComparer.Ordinal).ToList()),
        });
        db.Add(ResidentHistoryEntry.Record(resident.Id, ResidentHistoryEntry.PreferencesChanged, details, now));
        outbox.Add(new ResidentPreferencesChangedIntegrationEvent(resident.Id, resident.LineUserId));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
