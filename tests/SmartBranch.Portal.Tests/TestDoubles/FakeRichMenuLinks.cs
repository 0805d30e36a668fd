using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Segment assignments and residents' menus in memory; records what the components ask for.</summary>
internal sealed class FakeRichMenuLinks : IRichMenuLinks
{
    public static readonly Guid SeniorsMenu = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    public List<RichMenuSegmentAssignmentView> Assignments { get; } = [];

    public List<RichMenuLinkRunView> Runs { get; } = [];

    public Dictionary<Guid, ResidentRichMenu> Residents { get; } = [];

    public Task<RichMenuLinkOverview> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RichMenuLinkOverview([.. Assignments], [.. Runs], [new RichMenuChoice(SeniorsMenu, "高齢の方向け")]));

    public Task<Guid> AssignAsync(Guid menuId, SegmentExpression segment, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        Assignments.Add(new RichMenuSegmentAssignmentView(id, menuId, "高齢の方向け", segment, Now));
        Runs.Insert(0, new RichMenuLinkRunView(Guid.CreateVersion7(), RichMenuLinkRunKind.LinkSegment, "高齢の方向け", RichMenuLinkRunState.Running, 0, 1200, null, Now, null));
        return Task.FromResult(id);
    }

    public Task UnassignAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        Assignments.RemoveAll(a => a.Id == assignmentId);
        return Task.CompletedTask;
    }

    public Task<ResidentRichMenu?> GetResidentMenuAsync(Guid residentId, CancellationToken cancellationToken) =>
        Task.FromResult(Residents.GetValueOrDefault(residentId));

    public Task LinkResidentAsync(Guid residentId, Guid menuId, CancellationToken cancellationToken)
    {
        Residents[residentId] = new ResidentRichMenu(menuId, "高齢の方向け", Now);
        return Task.CompletedTask;
    }

    public Task UnlinkResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        if (!Residents.Remove(residentId))
        {
            throw new RichMenuLinkException("この住民には個別のリッチメニューが設定されていません。");
        }

        return Task.CompletedTask;
    }
}

/// <summary>Counts 1,200 residents for any segment.</summary>
internal sealed class FixedResidentAudience : IResidentAudience
{
    public Task<int> CountAsync(SegmentExpression? segment, CancellationToken cancellationToken) => Task.FromResult(1200);

    public Task<AudiencePage> PageAsync(SegmentExpression? segment, string? continuation, int size, CancellationToken cancellationToken) =>
        Task.FromResult(new AudiencePage([], null));
}
