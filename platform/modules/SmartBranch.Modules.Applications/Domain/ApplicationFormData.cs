namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// What the resident entered (personal data: stored only sealed, see <see cref="ResidentApplication.FormData"/>). A
/// draft may be incomplete; <c>ApplicationFormValidation</c> says what is missing before submission. The copies and
/// the postage are kept on the application itself, as they are not personal.
/// </summary>
/// <param name="Purpose">One of the catalogue's purposes, or <see cref="OtherPurpose"/> with <see cref="PurposeDetail"/>.</param>
/// <param name="HouseholdMembers">The names of the household members the certificate shows (types that ask).</param>
/// <param name="ItemKeys">The optional entries to show (本籍・筆頭者, 続柄).</param>
/// <param name="VariantKey">戸籍謄本 or 抄本, for types with variants.</param>
/// <param name="FiscalYear">The 年度, for types that have one.</param>
/// <param name="DomicileInCity">The resident's answer to whether their 本籍 is in the city (types that require it).</param>
/// <param name="DomicileAddress">本籍 (the address of the family register).</param>
/// <param name="DomicileHead">筆頭者 (the head of the family register).</param>
/// <param name="RecipientName">Who the certificate is posted to.</param>
public sealed record ApplicationFormData(
    string? Purpose = null,
    string? PurposeDetail = null,
    IReadOnlyList<string>? HouseholdMembers = null,
    IReadOnlyList<string>? ItemKeys = null,
    string? VariantKey = null,
    int? FiscalYear = null,
    bool? DomicileInCity = null,
    string? DomicileAddress = null,
    string? DomicileHead = null,
    string? RecipientName = null,
    string? PostalCode = null,
    string? Address = null,
    string? Phone = null)
{
    public const string OtherPurpose = "その他";
    public const int MaxTextLength = 200;
    public const int MaxHouseholdMembers = 10;

    public static readonly ApplicationFormData Empty = new();
}
