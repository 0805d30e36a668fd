using SmartBranch.TestSupport.Manual;

namespace SmartBranch.Portal.Tests.Manual;

/// <summary>What makes a screenshot stale: a change to the page or a component it shows, not to the rest of the portal.</summary>
public sealed class ManualScreenshotSourcesTests : IDisposable
{
    private readonly DirectoryInfo _repository = Directory.CreateTempSubdirectory("smartbranch-manual-sources-");

    public ManualScreenshotSourcesTests()
    {
        Write("Modules/Things/ThingsPage.razor", "@page \"/portal/{tenant}/things\"\n<h1>@T[\"Title\"]</h1>\n<ThingTable />\n");
        Write("Modules/Things/ThingDetailPage.razor", "@page \"/portal/{tenant}/things/{id:guid}\"\n<p>detail</p>\n");
        Write("Modules/Things/ThingsNewPage.razor", "@page \"/portal/{tenant}/things/new\"\n<p>new</p>\n");
        Write("Modules/Shared/ThingTable.razor", "<table></table>\n");
        Write("Modules/Things/ThingsText.resx", "<root><data name=\"Title\"><value>もの</value></data></root>\n");
        Write("Modules/Other/OtherPage.razor", "@page \"/portal/{tenant}/other\"\n<p>other</p>\n");
    }

    [Fact]
    public void A_path_is_matched_to_the_page_with_the_most_literal_segments()
    {
        Assert.Equal("/portal/{tenant}/things/new", ManualScreenshotSources.For(_repository.FullName, "/portal/hirakawa/things/new").PageTemplate);
        Assert.Equal("/portal/{tenant}/things/{id:guid}", ManualScreenshotSources.For(_repository.FullName, $"/portal/hirakawa/things/{Guid.NewGuid()}").PageTemplate);
        Assert.Throws<InvalidOperationException>(() => ManualScreenshotSources.For(_repository.FullName, "/portal/hirakawa/nothing"));
    }

    [Fact]
    public void Changing_a_component_the_page_uses_or_its_texts_changes_the_hash()
    {
        var taken = Hash();

        Write("Modules/Shared/ThingTable.razor", "<table class=\"wide\"></table>\n");
        var afterComponent = Hash();
        Write("Modules/Things/ThingsText.resx", "<root><data name=\"Title\"><value>物品</value></data></root>\n");
        var afterTexts = Hash();

        Assert.NotEqual(taken, afterComponent);
        Assert.NotEqual(afterComponent, afterTexts);
    }

    [Fact]
    public void Changing_another_page_or_the_line_endings_leaves_the_hash_alone()
    {
        var taken = Hash();

        Write("Modules/Other/OtherPage.razor", "@page \"/portal/{tenant}/other\"\n<p>changed</p>\n");
        Write("Modules/Shared/ThingTable.razor", "<table></table>\r\n");

        Assert.Equal(taken, Hash());
    }

    public void Dispose() => _repository.Delete(recursive: true);

    private string Hash() => ManualScreenshotSources.For(_repository.FullName, "/portal/hirakawa/things").SourceHash;

    private void Write(string path, string content)
    {
        var file = Path.Combine(_repository.FullName, "portal", "SmartBranch.Portal", path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }
}
