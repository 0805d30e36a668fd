using System.Globalization;
using Microsoft.AspNetCore.Http;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Resident;

/// <summary>What the resident entered on the form, as given: shown again at every step so that nothing entered is lost.</summary>
/// <param name="HouseholdMembers">One name per line.</param>
/// <param name="DomicileInCity"><c>yes</c>, <c>no</c> or empty.</param>
internal sealed record ApplicationFormValues(
    string Purpose,
    string PurposeDetail,
    string Copies,
    string HouseholdMembers,
    IReadOnlyList<string> Items,
    string Variant,
    string FiscalYear,
    string DomicileInCity,
    string DomicileAddress,
    string DomicileHead,
    string RecipientName,
    string PostalCode,
    string Address,
    string Phone,
    string Postage)
{
    public const string PurposeField = "purpose";
    public const string PurposeDetailField = "purpose_detail";
    public const string CopiesField = "copies";
    public const string HouseholdMembersField = "household_members";
    public const string ItemsField = "items";
    public const string VariantField = "variant";
    public const string FiscalYearField = "fiscal_year";
    public const string DomicileInCityField = "domicile_in_city";
    public const string DomicileAddressField = "domicile_address";
    public const string DomicileHeadField = "domicile_head";
    public const string RecipientNameField = "recipient_name";
    public const string PostalCodeField = "postal_code";
    public const string AddressField = "address";
    public const string PhoneField = "phone";
    public const string PostageField = "postage";
    public const string Yes = "yes";
    public const string No = "no";

    public static ApplicationFormValues Read(IFormCollection form) => new(
        form[PurposeField].ToString(),
        form[PurposeDetailField].ToString(),
        form[CopiesField].ToString(),
        form[HouseholdMembersField].ToString(),
        form[ItemsField].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(),
        form[VariantField].ToString(),
        form[FiscalYearField].ToString(),
        form[DomicileInCityField].ToString(),
        form[DomicileAddressField].ToString(),
        form[DomicileHeadField].ToString(),
        form[RecipientNameField].ToString(),
        form[PostalCodeField].ToString(),
        form[AddressField].ToString(),
        form[PhoneField].ToString(),
        form[PostageField].ToString());

    /// <summary>The values of a stored draft, to show the form again where the resident left it.</summary>
    public static ApplicationFormValues Of(ApplicationFormData data, ResidentApplication application) => new(
        data.Purpose ?? "",
        data.PurposeDetail ?? "",
        application.Copies.ToString(CultureInfo.InvariantCulture),
        string.Join('\n', data.HouseholdMembers ?? []),
        data.ItemKeys ?? [],
        data.VariantKey ?? "",
        data.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "",
        data.DomicileInCity switch { true => Yes, false => No, null => "" },
        data.DomicileAddress ?? "",
        data.DomicileHead ?? "",
        data.RecipientName ?? "",
        data.PostalCode ?? "",
        data.Address ?? "",
        data.Phone ?? "",
        application.PostageKey);
}

/// <param name="Field">The name of the form field it belongs to (<see cref="ApplicationFormValues"/>).</param>
internal sealed record ApplicationFormError(string Field, string Message);
