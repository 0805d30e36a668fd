using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

internal sealed class RichMenuLinks(
    SmartBranchDbContext db,
    ICurrentStaff staff,
    IResidentAudience audience,
    IResidentMembership membership,
    RichMenuLine line,
    RichMenuLinkSignal signal,
    IAuditLog audit,
    TimeProvider clock) : IRichMenuLinks
{
    private const int RunsShown = 20;

    public async Task<RichMenuLinkOverview> GetAsync(CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.View);
        var names = await db.Set<RichMenu>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var assignments = await db.Set<RichMenuSegmentAssignment>().AsNoTracking().OrderBy(a => a.AssignedAt).ToListAsync(cancellationToken);
        var runs = await db.Set<RichMenuLinkRun>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(RunsShown).ToListAsync(cancellationToken);
        var choices = await SegmentMenus()
            .Join(db.Set<RichMenuPublication>(), m => m.Id, p => p.MenuId, (m, _) => m)
            .OrderBy(m => m.Name)
            .Select(m => new RichMenuChoice(m.Id, m.Name))
            .ToListAsync(cancellationToken);
        return new RichMenuLinkOverview(
            [.. assignments.Select(a => new RichMenuSegmentAssignmentView(a.Id, a.MenuId, names.GetValueOrDefault(a.MenuId, ""), Segment(a.SegmentJson), a.AssignedAt))],
            [.. runs.Select(r => new RichMenuLinkRunView(
                r.Id, r.Kind, r.MenuId is { } id ? names.GetValueOrDefault(id) : null, r.State, r.Done, r.Total, r.Problem, r.CreatedAt, r.FinishedAt))],
            choices);
    }

    public async Task<Guid> AssignAsync(Guid menuId, SegmentExpression segment, CancellationToken cancellationToken)
    {
        var staffId = staff.Require(RichMenuPermissions.Assign);
        var menu = await PublishedSegmentMenuAsync(menuId, cancellationToken);
        var segmentJson = JsonSerializer.Serialize(segment);
        var now = clock.GetUtcNow();
        var assignment = RichMenuSegmentAssignment.Create(menuId, segmentJson, staffId, now);
        db.Add(assignment);
        db.Add(RichMenuLinkRun.Create(RichMenuLinkRunKind.LinkSegment, menuId, assignment.Id, segmentJson, await audience.CountAsync(segment, cancellationToken), now));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        await audit.RecordAsync(
            new AuditRecord("richmenus.segment.assigned", "richmenu", menuId.ToString(), $"リッチメニュー「{menu.Name}」をセグメントの住民に割り当て"), cancellationToken);
        return assignment.Id;
    }

    public async Task UnassignAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.Assign);
        var assignment = await db.Set<RichMenuSegmentAssignment>().SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
            ?? throw new RichMenuLinkException("この割り当ては見つかりません。すでに外されたか、別の自治体・環境のものです。");
        var total = await audience.CountAsync(Segment(assignment.SegmentJson), cancellationToken);
        db.Remove(assignment);
        db.Add(RichMenuLinkRun.Create(RichMenuLinkRunKind.UnlinkSegment, assignment.MenuId, assignment.Id, assignment.SegmentJson, total, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        var name = await db.Set<RichMenu>().Where(m => m.Id == assignment.MenuId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("richmenus.segment.unassigned", "richmenu", assignment.MenuId.ToString(), $"リッチメニュー「{name}」のセグメントへの割り当てを解除"), cancellationToken);
    }

    public async Task<ResidentRichMenu?> GetResidentMenuAsync(Guid residentId, CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.View);
        return await db.Set<RichMenuResidentLink>().AsNoTracking()
            .Where(l => l.ResidentId == residentId)
            .Join(db.Set<RichMenu>(), l => l.MenuId, m => m.Id, (l, m) => new ResidentRichMenu(m.Id, m.Name, l.LinkedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task LinkResidentAsync(Guid residentId, Guid menuId, CancellationToken cancellationToken)
    {
        var staffId = staff.Require(RichMenuPermissions.Assign);
        var menu = await PublishedSegmentMenuAsync(menuId, cancellationToken);
        var lineUserId = await FriendAsync(residentId, cancellationToken);
        if (!await DisasterModeOnAsync(cancellationToken))
        {
            await CallLineAsync(() => line.Client.LinkRichMenuToUserAsync(lineUserId, menu.LineRichMenuId, cancellationToken));
        }

        var link = await db.Set<RichMenuResidentLink>().SingleOrDefaultAsync(l => l.LineUserId == lineUserId, cancellationToken);
        if (link is null)
        {
            link = RichMenuResidentLink.Create(residentId, lineUserId);
            db.Add(link);
        }

        link.Link(menuId, staffId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("richmenus.resident.linked", "resident", residentId.ToString(), $"住民にリッチメニュー「{menu.Name}」を設定", TouchesPersonalData: true),
            cancellationToken);
    }

    public async Task UnlinkResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.Assign);
        var link = await db.Set<RichMenuResidentLink>().SingleOrDefaultAsync(l => l.ResidentId == residentId, cancellationToken)
            ?? throw new RichMenuLinkException("この住民には個別のリッチメニューが設定されていません。");
        if (!await DisasterModeOnAsync(cancellationToken))
        {
            await CallLineAsync(() => line.Client.UnlinkRichMenuFromUserAsync(link.LineUserId, cancellationToken));
        }

        db.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("richmenus.resident.unlinked", "resident", residentId.ToString(), "住民の個別のリッチメニューを解除", TouchesPersonalData: true),
            cancellationToken);
    }

    private IQueryable<RichMenu> SegmentMenus() => db.Set<RichMenu>().AsNoTracking().Where(m => m.Role == RichMenuRole.Segment);

    private async Task<(string Name, string LineRichMenuId)> PublishedSegmentMenuAsync(Guid menuId, CancellationToken cancellationToken)
    {
        var menu = await SegmentMenus().Where(m => m.Id == menuId).Select(m => new { m.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RichMenuLinkException("セグメント用のリッチメニューが見つかりません。住民に割り当てられるのは、役割が「セグメント用」のメニューだけです。");
        try
        {
            return (menu.Name, await RichMenuLinkRunExecutor.PublishedLineIdAsync(db, menuId, cancellationToken));
        }
        catch (RichMenuNotPublishedException e)
        {
            throw new RichMenuLinkException($"リッチメニュー「{menu.Name}」は LINE に公開されていません。公開してから割り当ててください。", e);
        }
    }

    private async Task<string> FriendAsync(Guid residentId, CancellationToken cancellationToken) =>
        await membership.FriendLineUserIdAsync(residentId, cancellationToken)
            ?? throw new RichMenuLinkException("この住民は友だちではない（ブロック中など）ため、リッチメニューを設定できません。");

    private Task<bool> DisasterModeOnAsync(CancellationToken cancellationToken) =>
        db.Set<DisasterModeState>().AnyAsync(s => s.IsOn, cancellationToken);

    private static async Task CallLineAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (LineApiException e)
        {
            throw new RichMenuLinkException("LINE とのやり取りに失敗したため、リッチメニューを設定できませんでした。しばらくしてから、もう一度お試しください。", e);
        }
    }

    private static SegmentExpression Segment(string json) => JsonSerializer.Deserialize<SegmentExpression>(json)!;
}
