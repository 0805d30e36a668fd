using System.Globalization;
using System.Text;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Resident;

/// <param name="Data">What can be kept of the values, complete or not: the draft is saved with it either way.</param>
/// <param name="Copies">Null when the copies were not a number in range.</param>
/// <param name="Postage">Null when no postage the type allows was chosen.</param>
internal sealed record ApplicationFormChecked(ApplicationFormData Data, int? Copies, PostageOption? Postage, IReadOnlyList<ApplicationFormError> Errors)
{
    public bool IsComplete => Errors.Count == 0;
}

/// <summary>
/// Checks the form against its application type: every field the type asks for, each error in Japanese beside its
/// field. Digits may be typed full-width (１２３－４５６７).
/// </summary>
internal static class ApplicationFormCheck
{
    public const int MaxNameLength = 50;

    public static ApplicationFormChecked Check(ApplicationCatalog catalog, ApplicationType type, ApplicationFormValues values, string cityName, DateOnly today)
    {
        var errors = new List<ApplicationFormError>();

        var purpose = Text(values.Purpose);
        var purposeDetail = Text(values.PurposeDetail);
        if (purpose is null || (purpose != ApplicationFormData.OtherPurpose && !catalog.Purposes.Contains(purpose)))
        {
            errors.Add(new(ApplicationFormValues.PurposeField, "使いみちを選んでください。"));
        }
        else if (purpose == ApplicationFormData.OtherPurpose && purposeDetail is null)
        {
            errors.Add(new(ApplicationFormValues.PurposeDetailField, "「その他」を選んだときは、使いみちを具体的に入力してください。"));
        }

        LengthCheck(purposeDetail, ApplicationFormData.MaxTextLength, ApplicationFormValues.PurposeDetailField, "使いみち", errors);

        int? copies = int.TryParse(Normalize(values.Copies), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= type.MaxCopies ? n : null;
        if (copies is null)
        {
            errors.Add(new(ApplicationFormValues.CopiesField, $"通数は 1 から {type.MaxCopies} までの数字で入力してください。"));
        }

        var members = values.HouseholdMembers.ReplaceLineEndings("\n").Split('\n').Select(Text).OfType<string>().ToList();
        if (type.HouseholdMembers)
        {
            if (members.Count == 0)
            {
                errors.Add(new(ApplicationFormValues.HouseholdMembersField, "証明書に載せる方のお名前を、1 行に 1 人ずつ入力してください。"));
            }
            else if (members.Count > ApplicationFormData.MaxHouseholdMembers)
            {
                errors.Add(new(ApplicationFormValues.HouseholdMembersField, $"載せる方は {ApplicationFormData.MaxHouseholdMembers} 人までです。それより多いときは窓口にご相談ください。"));
            }
            else if (members.Any(m => m.Length > MaxNameLength))
            {
                errors.Add(new(ApplicationFormValues.HouseholdMembersField, $"お名前は 1 人 {MaxNameLength} 文字以内で入力してください。"));
            }
        }

        var items = values.Items.Where(k => type.Items.Any(i => i.Key == k)).Distinct().ToList();

        string? variant = null;
        if (type.Variants.Count > 0)
        {
            variant = type.Variants.FirstOrDefault(v => v.Key == values.Variant)?.Key;
            if (variant is null)
            {
                errors.Add(new(ApplicationFormValues.VariantField, "証明書の種類を選んでください。"));
            }
        }

        int? fiscalYear = null;
        if (type.FiscalYears > 0)
        {
            var offered = FiscalYears(type, today);
            fiscalYear = int.TryParse(Normalize(values.FiscalYear), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && offered.Contains(year) ? year : null;
            if (fiscalYear is null)
            {
                errors.Add(new(ApplicationFormValues.FiscalYearField, "何年度の証明書が必要か選んでください。"));
            }
        }

        bool? domicileInCity = values.DomicileInCity switch { ApplicationFormValues.Yes => true, ApplicationFormValues.No => false, _ => null };
        var domicileAddress = Text(values.DomicileAddress);
        var domicileHead = Text(values.DomicileHead);
        if (type.DomicileInCity)
        {
            switch (domicileInCity)
            {
                case null:
                    errors.Add(new(ApplicationFormValues.DomicileInCityField, $"本籍が{cityName}にあるか選んでください。"));
                    break;
                case false:
                    errors.Add(new(ApplicationFormValues.DomicileInCityField,
                        $"{type.NameJa}は、本籍が{cityName}にある方だけが申請できます。本籍のある市区町村に申請してください。"));
                    break;
                default:
                    Require(domicileAddress, ApplicationFormValues.DomicileAddressField, "本籍（地番まで）を入力してください。", errors);
                    Require(domicileHead, ApplicationFormValues.DomicileHeadField, "筆頭者のお名前を入力してください。", errors);
                    break;
            }

            LengthCheck(domicileAddress, ApplicationFormData.MaxTextLength, ApplicationFormValues.DomicileAddressField, "本籍", errors);
            LengthCheck(domicileHead, MaxNameLength, ApplicationFormValues.DomicileHeadField, "筆頭者", errors);
        }

        var recipient = Text(values.RecipientName);
        Require(recipient, ApplicationFormValues.RecipientNameField, "送り先のお名前を入力してください。", errors);
        LengthCheck(recipient, MaxNameLength, ApplicationFormValues.RecipientNameField, "お名前", errors);

        var postalCode = PostalCode(values.PostalCode);
        if (postalCode is null)
        {
            errors.Add(new(ApplicationFormValues.PostalCodeField, "郵便番号を 7 桁の数字で入力してください（例: 036-0104）。"));
        }

        var address = Text(values.Address);
        Require(address, ApplicationFormValues.AddressField, "送り先の住所を、番地・部屋番号まで入力してください。", errors);
        LengthCheck(address, ApplicationFormData.MaxTextLength, ApplicationFormValues.AddressField, "住所", errors);

        var phoneText = Text(values.Phone);
        var phone = phoneText is null ? null : Phone(phoneText);
        if (phoneText is not null && phone is null)
        {
            errors.Add(new(ApplicationFormValues.PhoneField, "電話番号は 0 から始まる 10 桁か 11 桁の数字で入力してください（例: 0172-44-1111）。"));
        }

        var postage = type.PostageKeys.Contains(values.Postage) ? catalog.PostageOption(values.Postage) : null;
        if (postage is null)
        {
            errors.Add(new(ApplicationFormValues.PostageField, "郵送の方法を選んでください。"));
        }

        var data = new ApplicationFormData(
            purpose, purposeDetail, members.Take(ApplicationFormData.MaxHouseholdMembers).ToList(), items, variant, fiscalYear, domicileInCity,
            domicileAddress, domicileHead, recipient, postalCode ?? Text(values.PostalCode), address, phone ?? phoneText);
        return new ApplicationFormChecked(data, copies, postage, errors);
    }

    /// <summary>The 年度 offered, newest first: the current one (April to March, Japan time) and those before it.</summary>
    public static IReadOnlyList<int> FiscalYears(ApplicationType type, DateOnly today)
    {
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        return Enumerable.Range(0, type.FiscalYears).Select(i => current - i).ToList();
    }

    /// <summary><c>令和8年度（2026年度）</c>.</summary>
    public static string FiscalYearName(int year) => year >= 2019 ? $"令和{year - 2018}年度（{year}年度）" : $"{year}年度";

    private static string? PostalCode(string text)
    {
        var digits = Strip(Normalize(text));
        return digits.Length == 7 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]}-{digits[3..]}" : null;
    }

    private static string? Phone(string text)
    {
        var normalized = Normalize(text);
        var digits = Strip(normalized);
        return digits.Length is 10 or 11 && digits[0] == '0' && digits.All(char.IsAsciiDigit) ? normalized : null;
    }

    private static string Strip(string text) => new(text.Where(c => c is not ('-' or 'ー' or '−' or '‐' or ' ')).ToArray());

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(string? value, string field, string message, List<ApplicationFormError> errors)
    {
        if (value is null)
        {
            errors.Add(new(field, message));
        }
    }

    private static void LengthCheck(string? value, int max, string field, string what, List<ApplicationFormError> errors)
    {
        if (value is { Length: var length } && length > max && errors.All(e => e.Field != field))
        {
            errors.Add(new(field, $"{what}は {max} 文字以内で入力してください（いま {length} 文字）。"));
        }
    }
}
