namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>
/// A tenant's application types, in the order residents see them, with the departments that process them, the postage
/// options and the purposes offered. Fees are the file's defaults until <see cref="WithOverrides"/> applies what staff
/// stored for the environment.
/// </summary>
public sealed record ApplicationCatalog(
    IReadOnlyList<ApplicationType> Types,
    IReadOnlyList<ApplicationDepartment> Departments,
    IReadOnlyList<PostageOption> Postage,
    IReadOnlyList<string> Purposes)
{
    public static readonly ApplicationCatalog Empty = new([], [], [], []);

    public ApplicationType? Type(string key) => Types.FirstOrDefault(t => t.Key == key);

    public ApplicationDepartment? Department(string key) => Departments.FirstOrDefault(d => d.Key == key);

    public PostageOption? PostageOption(string key) => Postage.FirstOrDefault(p => p.Key == key);

    /// <summary>The effective catalogue: the file's fees replaced by the environment's stored ones (keys the file no longer has are ignored).</summary>
    public ApplicationCatalog WithOverrides(IEnumerable<ApplicationFeeOverride> overrides)
    {
        var list = overrides.ToList();
        int? Override(ApplicationFeeKind kind, string key) => list.FirstOrDefault(o => o.Kind == kind && o.Key == key)?.Amount;
        return this with
        {
            Types = Types.Select(t => Override(ApplicationFeeKind.FeePerCopy, t.Key) is { } fee ? t with { FeePerCopy = fee } : t).ToList(),
            Postage = Postage.Select(p => Override(ApplicationFeeKind.Postage, p.Key) is { } fee ? p with { Fee = fee } : p).ToList(),
        };
    }
}

/// <param name="Key">Stored with each application; never changes once used.</param>
/// <param name="FeePerCopy">Yen per copy (発行手数料).</param>
/// <param name="RetentionDays">Days after an application is closed (発送済 or 却下) before its personal data is purged.</param>
/// <param name="PostageKeys">The postage options this type may be sent with, the first being the default.</param>
/// <param name="HouseholdMembers">The form asks which household members the certificate shows.</param>
/// <param name="Items">Entries the resident may ask to show (本籍・筆頭者, 続柄); empty when the type has none.</param>
/// <param name="Variants">The kinds to choose between (戸籍謄本 / 抄本); empty when the type has one kind.</param>
/// <param name="FiscalYears">How many 年度 (the current one and those before it) the form offers; 0 when the type has no 年度.</param>
/// <param name="DomicileInCity">Only residents whose 本籍 is in the city may apply: the form asks, and refuses otherwise.</param>
public sealed record ApplicationType(
    string Key,
    string NameJa,
    string NameEn,
    string DepartmentKey,
    int FeePerCopy,
    int MaxCopies,
    int RetentionDays,
    IReadOnlyList<string> PostageKeys,
    bool HouseholdMembers,
    IReadOnlyList<ApplicationChoice> Items,
    IReadOnlyList<ApplicationChoice> Variants,
    int FiscalYears,
    bool DomicileInCity);

public sealed record ApplicationChoice(string Key, string Name);

/// <param name="Name">As staff memberships name it (<c>市民課</c>): staff of this department process its applications.</param>
public sealed record ApplicationDepartment(string Key, string Name);

/// <param name="Fee">Yen, added once per application.</param>
public sealed record PostageOption(string Key, string Name, int Fee);
