using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.UnitTests.Modules.Residents;

public sealed class SegmentCatalogFilesTests : IDisposable
{
    private const string Consent = "consent: { version: '1', textJa: 同意します, textEn: I agree }\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("tenant-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hirakawa_offers_topics_districts_age_bands_and_languages_in_Japanese_and_English()
    {
        var catalog = SegmentCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(["topic", "area", "age", "language"], catalog.Attributes.Select(a => a.Key));
        var topic = catalog.FindAttribute("topic")!;
        Assert.True(topic.MultipleChoice);
        Assert.Contains(topic.Values, v => v.Key == "disaster" && v.NameJa == "防災・災害");
        Assert.Equal(["平賀地区", "尾上地区", "碇ヶ関地区"], catalog.FindAttribute("area")!.Values.Select(v => v.NameJa));
        Assert.False(catalog.FindAttribute("area")!.MultipleChoice);
        Assert.Equal("10代以下", catalog.FindAttribute("age")!.Values[0].NameJa);
        Assert.Contains(catalog.FindAttribute("language")!.Values, v => v.Key == "en" && v.NameEn == "English");
        Assert.All(catalog.Attributes.SelectMany(a => a.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.NameEn)));
        Assert.False(string.IsNullOrWhiteSpace(catalog.Consent!.Version));
    }

    [Fact]
    public void A_tenant_without_the_file_has_an_empty_catalogue()
    {
        var catalog = SegmentCatalogFiles.Load(_directory);

        Assert.Empty(catalog.Attributes);
        Assert.Null(catalog.Consent);
    }

    [Fact]
    public void Duplicate_keys_are_refused_with_the_key_named()
    {
        Write(Consent + """
            attributes:
              - { key: topic, nameJa: 情報, nameEn: Topics, values: [ { key: a, nameJa: あ, nameEn: A }, { key: a, nameJa: い, nameEn: B } ] }
              - { key: topic, nameJa: 情報2, nameEn: Topics 2, values: [ { key: b, nameJa: う, nameEn: C } ] }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => SegmentCatalogFiles.Load(_directory));

        Assert.Contains("attribute key 'topic' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("attribute 'topic': value key 'a' is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_names_are_refused_each_one_named()
    {
        Write(Consent + """
            attributes:
              - key: area
                nameJa: 地区
                values:
                  - { key: hiraka, nameEn: Hiraka }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => SegmentCatalogFiles.Load(_directory));

        Assert.Contains("attribute 'area': nameEn is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("attribute 'area', value 'hiraka': nameJa is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(SegmentCatalogFiles.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_that_could_not_be_stored_safely_and_attributes_without_values_are_refused()
    {
        Write(Consent + """
            attributes:
              - { key: Topic, nameJa: 情報, nameEn: Topics, values: [ { key: "防災", nameJa: 防災, nameEn: Disaster } ] }
              - { key: age, nameJa: 年代, nameEn: Age, values: [] }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => SegmentCatalogFiles.Load(_directory));

        Assert.Contains("attribute key 'Topic' must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("value key '防災' must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("attribute 'age' has no values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_without_a_consent_text_are_refused()
    {
        Write("attributes: [ { key: area, nameJa: 地区, nameEn: District, values: [ { key: a, nameJa: あ, nameEn: A } ] } ]");

        var error = Assert.Throws<InvalidOperationException>(() => SegmentCatalogFiles.Load(_directory));

        Assert.Contains("consent is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_YAML_is_refused_with_the_file_named()
    {
        Write("attributes: [ { key: area");

        var error = Assert.Throws<InvalidOperationException>(() => SegmentCatalogFiles.Load(_directory));

        Assert.Contains("is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    private void Write(string yaml) => File.WriteAllText(Path.Combine(_directory, SegmentCatalogFiles.FileName), yaml);
}
