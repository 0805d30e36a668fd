using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>A catalogue of one attribute whose first value residents chose; saving applies the real rules.</summary>
internal sealed class FakeSegmentCatalogEditor : ISegmentCatalogEditor
{
    public EditableSegmentCatalog Catalog { get; set; } = new(
        new EditableConsent("2026-11-01", "同意します。", "I agree."),
        [new EditableSegmentAttribute("area", "お住まいの地区", "District", false,
            [new EditableSegmentValue("hiraka", "平賀地区", "Hiraka"), new EditableSegmentValue("onoe", "尾上地区", "Onoe")])]);

    public bool IsEditable { get; set; } = true;

    public IReadOnlyList<string> Changes { get; set; } = [];

    public List<EditableSegmentCatalog> Saved { get; } = [];

    public int Promotions { get; private set; }

    public Task<SegmentCatalogEditorState> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new SegmentCatalogEditorState(Catalog, IsEditable, new HashSet<string> { "area/hiraka" }, IsEditable ? Changes : []));

    public Task SaveAsync(EditableSegmentCatalog catalog, CancellationToken cancellationToken)
    {
        var problems = SegmentCatalogRules.Validate(catalog);
        if (problems.Count > 0)
        {
            throw new SegmentCatalogException(problems);
        }

        Saved.Add(catalog);
        Catalog = catalog;
        return Task.CompletedTask;
    }

    public Task PromoteAsync(CancellationToken cancellationToken)
    {
        Promotions++;
        Changes = [];
        return Task.CompletedTask;
    }
}
