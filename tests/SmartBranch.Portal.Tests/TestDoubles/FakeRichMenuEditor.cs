using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Menus kept in memory; images are inspected and fitted by the module's real rules, LINE's validation answers as told.</summary>
internal sealed class FakeRichMenuEditor : IRichMenuEditor
{
    public Dictionary<Guid, RichMenuDetails> Menus { get; } = [];

    public List<(RichMenuDraft Draft, byte[] Image)> Created { get; } = [];

    public List<(Guid Id, RichMenuDraft Draft, Guid Stamp)> Updated { get; } = [];

    public List<RichMenuDraft> Validated { get; } = [];

    /// <summary>What LINE says of the next validated menu.</summary>
    public IReadOnlyList<RichMenuProblem> LineAnswer { get; set; } = [];

    public Guid Add(RichMenuDraft draft, int width, int height)
    {
        var id = Guid.NewGuid();
        Menus[id] = new RichMenuDetails(id, draft, width, height, Guid.NewGuid(), DateTimeOffset.UtcNow);
        return id;
    }

    public Task<IReadOnlyList<RichMenuSummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RichMenuSummary>>([.. Menus.Values.Select(m => new RichMenuSummary(
            m.Id, m.Draft.Name, m.Draft.ChatBarText, m.Draft.Role, m.Draft.TabAliasId, m.Width, m.Height, m.Draft.Areas.Count, m.UpdatedAt))]);

    public Task<RichMenuDetails?> GetAsync(Guid menuId, CancellationToken cancellationToken) => Task.FromResult(Menus.GetValueOrDefault(menuId));

    public RichMenuImageInspection InspectImage(ReadOnlySpan<byte> file) => RichMenuImages.Inspect(file);

    public byte[] FitImage(ReadOnlySpan<byte> file) => RichMenuImages.Fit(file);

    public Task<Guid> CreateAsync(RichMenuDraft draft, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        Created.Add((draft, image.ToArray()));
        var inspection = RichMenuImages.Inspect(image.Span);
        return Task.FromResult(Add(draft, inspection.Width, inspection.Height));
    }

    public Task UpdateAsync(Guid menuId, RichMenuDraft draft, Guid concurrencyStamp, CancellationToken cancellationToken)
    {
        Updated.Add((menuId, draft, concurrencyStamp));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RichMenuProblem>> ValidateWithLineAsync(RichMenuDraft draft, int width, int height, CancellationToken cancellationToken)
    {
        Validated.Add(draft);
        return Task.FromResult(LineAnswer);
    }

    public Task<Stream?> OpenImageAsync(Guid menuId, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);
}
