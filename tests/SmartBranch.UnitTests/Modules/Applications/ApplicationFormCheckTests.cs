using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Resident;

namespace SmartBranch.UnitTests.Modules.Applications;

public sealed class ApplicationFormCheckTests
{
    private static readonly ApplicationCatalog Catalog = ApplicationCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly ApplicationFormValues Complete = new(
        "就職・転職", "", "２", "平川 花子\n平川 一郎\n", ["honseki", "unknown-item"], "", "", "", "", "", "平川 花子", "０３６－０１０４", "青森県平川市柏木町藤山25-6", "", "express");

    [Fact]
    public void A_complete_form_gives_the_data_with_digits_normalised_and_unknown_choices_dropped()
    {
        var check = ApplicationFormCheck.Check(Catalog, Catalog.Type("juminhyo")!, Complete, "平川市", Today);

        Assert.Empty(check.Errors);
        Assert.Equal((2, "express"), (check.Copies, check.Postage!.Key));
        Assert.Equal("036-0104", check.Data.PostalCode);
        Assert.Equal(["平川 花子", "平川 一郎"], check.Data.HouseholdMembers);
        Assert.Equal(["honseki"], check.Data.ItemKeys);
    }

    [Fact]
    public void Each_missing_or_wrong_field_gets_its_own_Japanese_message_and_what_was_entered_is_kept()
    {
        var values = Complete with { Purpose = "", Copies = "11", HouseholdMembers = " ", RecipientName = "", PostalCode = "036-010", Address = "", Phone = "12345", Postage = "courier" };

        var check = ApplicationFormCheck.Check(Catalog, Catalog.Type("juminhyo")!, values, "平川市", Today);

        Assert.Equal(
            [
                ("purpose", "使いみちを選んでください。"),
                ("copies", "通数は 1 から 10 までの数字で入力してください。"),
                ("household_members", "証明書に載せる方のお名前を、1 行に 1 人ずつ入力してください。"),
                ("recipient_name", "送り先のお名前を入力してください。"),
                ("postal_code", "郵便番号を 7 桁の数字で入力してください（例: 036-0104）。"),
                ("address", "送り先の住所を、番地・部屋番号まで入力してください。"),
                ("phone", "電話番号は 0 から始まる 10 桁か 11 桁の数字で入力してください（例: 0172-44-1111）。"),
                ("postage", "郵送の方法を選んでください。"),
            ],
            check.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal(("036-010", "12345"), (check.Data.PostalCode, check.Data.Phone));
    }

    [Fact]
    public void Another_purpose_needs_its_detail()
    {
        var check = ApplicationFormCheck.Check(Catalog, Catalog.Type("juminhyo")!, Complete with { Purpose = "その他" }, "平川市", Today);

        Assert.Equal([("purpose_detail", "「その他」を選んだときは、使いみちを具体的に入力してください。")], check.Errors.Select(e => (e.Field, e.Message)));
        Assert.Empty(ApplicationFormCheck.Check(Catalog, Catalog.Type("juminhyo")!, Complete with { Purpose = "その他", PurposeDetail = "奨学金の申請" }, "平川市", Today).Errors);
    }

    [Fact]
    public void A_family_register_is_refused_to_those_whose_domicile_is_outside_the_city_and_asks_for_the_domicile_otherwise()
    {
        var koseki = Catalog.Type("koseki")!;
        var values = Complete with { HouseholdMembers = "", Variant = "full", DomicileInCity = "no" };

        var outside = ApplicationFormCheck.Check(Catalog, koseki, values, "平川市", Today);
        Assert.Equal([("domicile_in_city", "戸籍謄本・抄本は、本籍が平川市にある方だけが申請できます。本籍のある市区町村に申請してください。")],
            outside.Errors.Select(e => (e.Field, e.Message)));

        var inside = ApplicationFormCheck.Check(Catalog, koseki, values with { DomicileInCity = "yes" }, "平川市", Today);
        Assert.Equal(["domicile_address", "domicile_head"], inside.Errors.Select(e => e.Field));

        var unanswered = ApplicationFormCheck.Check(Catalog, koseki, values with { DomicileInCity = "", Variant = "" }, "平川市", Today);
        Assert.Equal(["variant", "domicile_in_city"], unanswered.Errors.Select(e => e.Field));
    }

    [Fact]
    public void An_income_certificate_offers_the_current_fiscal_year_from_April_and_the_four_before_it_and_refuses_others()
    {
        var shotoku = Catalog.Type("shotoku")!;

        Assert.Equal([2026, 2025, 2024, 2023, 2022], ApplicationFormCheck.FiscalYears(shotoku, Today));
        Assert.Equal(2026, ApplicationFormCheck.FiscalYears(shotoku, new DateOnly(2027, 3, 31))[0]);
        Assert.Equal(2027, ApplicationFormCheck.FiscalYears(shotoku, new DateOnly(2027, 4, 1))[0]);
        Assert.Equal("令和8年度（2026年度）", ApplicationFormCheck.FiscalYearName(2026));

        var values = Complete with { HouseholdMembers = "", FiscalYear = "2021" };
        Assert.Equal(["fiscal_year"], ApplicationFormCheck.Check(Catalog, shotoku, values, "平川市", Today).Errors.Select(e => e.Field));
        Assert.Equal(2025, ApplicationFormCheck.Check(Catalog, shotoku, values with { FiscalYear = "２０２５" }, "平川市", Today).Data.FiscalYear);
    }
}
