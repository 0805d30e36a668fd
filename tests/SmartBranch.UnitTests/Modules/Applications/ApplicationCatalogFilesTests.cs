using SmartBranch.Modules.Applications.Catalog;

namespace SmartBranch.UnitTests.Modules.Applications;

public sealed class ApplicationCatalogFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("applications-catalog-").FullName;

    [Fact]
    public void Hirakawa_offers_its_five_certificates_with_typical_fees_processed_by_the_citizens_and_tax_departments()
    {
        var catalog = ApplicationCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(["住民票の写し", "住民票記載事項証明書", "印鑑登録証明書", "戸籍謄本・抄本", "所得・課税証明書"], catalog.Types.Select(t => t.NameJa));
        Assert.Equal([300, 300, 300, 450, 300], catalog.Types.Select(t => t.FeePerCopy));
        Assert.Equal("市民課", catalog.Department(catalog.Type("juminhyo")!.DepartmentKey)!.Name);
        Assert.Equal("税務課", catalog.Department(catalog.Type("shotoku")!.DepartmentKey)!.Name);
        Assert.Equal([("普通郵便", 110), ("速達", 410), ("簡易書留", 460)], catalog.Postage.Select(p => (p.Name, p.Fee)));

        var koseki = catalog.Type("koseki")!;
        Assert.True(koseki.DomicileInCity);
        Assert.Equal(["戸籍謄本（全部事項証明）", "戸籍抄本（個人事項証明）"], koseki.Variants.Select(v => v.Name));
        Assert.Equal(5, catalog.Type("shotoku")!.FiscalYears);
        Assert.Equal(["本籍・筆頭者", "世帯主・続柄"], catalog.Type("juminhyo")!.Items.Select(i => i.Name));
        Assert.True(catalog.Type("juminhyo")!.HouseholdMembers);
        Assert.False(catalog.Type("inkan")!.HouseholdMembers);
        Assert.All(catalog.Types, t => Assert.InRange(t.RetentionDays, 30, 365));
    }

    [Fact]
    public void Fees_staff_stored_replace_the_files_defaults_and_the_others_stay()
    {
        var file = ApplicationCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));
        var now = DateTimeOffset.UtcNow;

        var effective = file.WithOverrides(
        [
            ApplicationFeeOverride.Set(ApplicationFeeKind.FeePerCopy, "juminhyo", 200, "admin", now),
            ApplicationFeeOverride.Set(ApplicationFeeKind.Postage, "express", 460, "admin", now),
            ApplicationFeeOverride.Set(ApplicationFeeKind.FeePerCopy, "withdrawn-type", 999, "admin", now),
        ]);

        Assert.Equal([200, 300, 300, 450, 300], effective.Types.Select(t => t.FeePerCopy));
        Assert.Equal([110, 460, 460], effective.Postage.Select(p => p.Fee));
        Assert.Equal(300, file.Type("juminhyo")!.FeePerCopy);
    }

    [Fact]
    public void A_fee_override_outside_zero_to_the_limit_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationFeeOverride.Set(ApplicationFeeKind.FeePerCopy, "juminhyo", -1, "admin", DateTimeOffset.UtcNow));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ApplicationFeeOverride.Set(ApplicationFeeKind.Postage, "ordinary", ApplicationFeeOverride.MaxAmount + 1, "admin", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_file_with_mistakes_is_refused_with_every_mistake_named()
    {
        Write("""
            departments:
              - key: shimin
                name: 市民課
              - key: shimin
                name: 市民課
            postage:
              - key: ordinary
                name: 普通郵便
                fee: -110
            types:
              - key: juminhyo
                nameJa: 住民票の写し
                nameEn: Copy of the residence record
                department: zeimu
                feePerCopy: 300
                maxCopies: 0
                retentionDays: 90
                postage: [ordinary, courier]
                variants:
                  - key: only
                    name: 一種類
              - key: Koseki
                nameJa: ""
                nameEn: Family register
                department: shimin
                postage: []
            """);

        var error = Assert.Throws<InvalidOperationException>(() => ApplicationCatalogFiles.Load(_directory));

        Assert.Contains("department key 'shimin' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("postage 'ordinary': fee must be an amount in yen from 0 to 100000", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'juminhyo': department 'zeimu' is not one of the departments", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'juminhyo': maxCopies must be a whole number from 1 to 20", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'juminhyo': postage 'courier' is not one of the postage options", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'juminhyo': variants needs at least two kinds", error.Message, StringComparison.Ordinal);
        Assert.Contains("type key 'Koseki' must be 1–40 lower-case letters, digits or hyphens", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'Koseki': nameJa is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'Koseki': feePerCopy must be an amount in yen", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'Koseki': retentionDays must be a whole number of days from 1 to 3650", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'Koseki': postage must name at least one postage option", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_directory, ApplicationCatalogFiles.FileName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_YAML_is_refused_with_its_path_and_a_tenant_without_a_file_offers_nothing()
    {
        Assert.Empty(ApplicationCatalogFiles.Load(_directory).Types);

        Write("types: [ { key: juminhyo");
        var error = Assert.Throws<InvalidOperationException>(() => ApplicationCatalogFiles.Load(_directory));
        Assert.Contains("is not valid YAML", error.Message, StringComparison.Ordinal);

        Write("departments: []\npostage: []\ntypes: []\n");
        error = Assert.Throws<InvalidOperationException>(() => ApplicationCatalogFiles.Load(_directory));
        Assert.Contains("types: at least one is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("postage: at least one option is required", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_directory, ApplicationCatalogFiles.FileName), yaml);
}
