using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Hirakawa's three menus, the tab edited since it was published; publishing can be made to fail as LINE refuses.</summary>
internal sealed class FakeRichMenuPublisher : IRichMenuPublisher
{
    public static readonly Guid Default = Guid.Parse("0196f2a0-0000-7000-8000-000000000001");
    public static readonly Guid Tab = Guid.Parse("0196f2a0-0000-7000-8000-000000000002");
    public static readonly Guid Disaster = Guid.Parse("0196f2a0-0000-7000-8000-000000000003");

    public List<RichMenuPublishState> Menus { get; } =
    [
        new(Default, "標準（くらし）", RichMenuRole.Default, "hirakawa-life", RichMenuPublishStatus.Published, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)),
        new(Tab, "標準（手続き）", RichMenuRole.Tab, "hirakawa-procedures", RichMenuPublishStatus.ChangedSincePublished, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)),
        new(Disaster, "防災モード", RichMenuRole.Disaster, null, RichMenuPublishStatus.NotPublished, null),
    ];

    public bool IsStaging { get; set; } = true;

    public string? Refusal { get; set; }

    public List<Guid> Published { get; } = [];

    public Task<RichMenuPublishing> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RichMenuPublishing([.. Menus], 97, IsStaging));

    public Task PublishAsync(Guid menuId, CancellationToken cancellationToken)
    {
        if (Refusal is not null)
        {
            throw new RichMenuPublishException(Refusal);
        }

        Published.Add(menuId);
        var index = Menus.FindIndex(m => m.MenuId == menuId);
        Menus[index] = Menus[index] with { Status = RichMenuPublishStatus.Published };
        return Task.CompletedTask;
    }

    public Task<RichMenuPromotionResult> PromoteAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RichMenuPromotionResult(["標準（くらし）"], []));
}

internal sealed class FakeDisasterMode : IDisasterMode
{
    public static readonly Guid Draft = Guid.Parse("0196f2a0-0000-7000-8000-0000000000d1");

    public DisasterModeStatus Status { get; set; } = new(false, null, null, DisasterMenuPublished: true);

    public List<bool> Switches { get; } = [];

    public Task<DisasterModeStatus> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Status);

    public Task<DisasterModeStatus> SwitchAsync(bool on, CancellationToken cancellationToken)
    {
        Switches.Add(on);
        Status = new DisasterModeStatus(on, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), on ? Draft : Status.DraftDeliveryId, true);
        return Task.FromResult(Status);
    }
}

internal sealed class FakeRichMenuFileImporter : IRichMenuFileImporter
{
    public Task<RichMenuFileImportResult> ImportAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RichMenuFileImportResult([], ["「防災モード」: 防災メニューがすでにあるため、取り込みませんでした。"]));
}
