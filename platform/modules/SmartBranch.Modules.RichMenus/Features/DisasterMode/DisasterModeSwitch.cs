using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Features.DisasterMode;

internal sealed class DisasterModeSwitch(
    SmartBranchDbContext db,
    ICurrentStaff staff,
    ICurrentTenant tenant,
    RichMenuLine line,
    IResidentAudience audience,
    RichMenuLinkSignal linkSignal,
    IOutbox outbox,
    IAuditLog audit,
    TimeProvider clock) : IDisasterMode
{
    public const string DraftTitle = "【防災モード】緊急のお知らせ";

    public async Task<DisasterModeStatus> GetAsync(CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.View);
        return await StatusAsync(cancellationToken);
    }

    public async Task<DisasterModeStatus> SwitchAsync(bool on, CancellationToken cancellationToken)
    {
        var staffId = staff.Require(RichMenuPermissions.DisasterMode);
        return await SwitchAsync(on, staffId, "職員", cancellationToken);
    }

    /// <param name="by">Who switches: a staff member's id, or <c>api:</c> and the disaster system's client id.</param>
    /// <param name="byWhom">Who switches, in the audit log's Japanese: 職員, 防災システム.</param>
    internal async Task<DisasterModeStatus> SwitchAsync(bool on, string by, string byWhom, CancellationToken cancellationToken)
    {
        var state = await db.Set<DisasterModeState>().SingleOrDefaultAsync(cancellationToken);
        if ((state?.IsOn ?? false) == on)
        {
            return await StatusAsync(cancellationToken);
        }

        await ShowAsync(on ? RichMenuRole.Disaster : RichMenuRole.Default, cancellationToken);
        if (state is null)
        {
            state = new DisasterModeState();
            db.Add(state);
        }

        if (on)
        {
            var draftId = Guid.CreateVersion7();
            state.SwitchOn(by, draftId, clock.GetUtcNow());
            outbox.Add(new BroadcastDraftRequestedIntegrationEvent(draftId, DraftTitle, DraftText(tenant.Required.Tenant.Name), by, $"防災モードで緊急のお知らせの下書きを作成（{byWhom}）"));
        }
        else
        {
            state.SwitchOff(by, clock.GetUtcNow());
        }

        await AddLinkRunsAsync(on, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await SwitchedMeanwhileAsync(on, cancellationToken))
            {
                throw;
            }

            return await StatusAsync(cancellationToken);
        }

        linkSignal.Notify();
        await audit.RecordAsync(
            new AuditRecord(on ? "richmenus.disaster-mode.on" : "richmenus.disaster-mode.off", "richmenus", "disaster-mode",
                on ? $"防災モードを開始（{byWhom}）: 全員のメニューを防災メニューに切り替え" : $"防災モードを終了（{byWhom}）: 標準のメニューと、セグメント・住民ごとのメニューに戻す"),
            cancellationToken);
        return await StatusAsync(cancellationToken);
    }

    /// <summary>Makes the published menu of <paramref name="role"/> the channel's default; without a default menu, LINE shows none.</summary>
    private async Task ShowAsync(RichMenuRole role, CancellationToken cancellationToken)
    {
        var lineMenuId = await PublishedAsync(role, cancellationToken);
        try
        {
            if (lineMenuId is not null)
            {
                await line.Client.SetDefaultRichMenuAsync(lineMenuId, cancellationToken);
            }
            else if (role == RichMenuRole.Disaster)
            {
                throw new RichMenuPublishException("防災メニューが LINE に公開されていないため、防災モードにできません。先に防災メニューを公開してください。");
            }
            else
            {
                await line.Client.CancelDefaultRichMenuAsync(cancellationToken);
            }
        }
        catch (LineApiException e)
        {
            throw new RichMenuPublishException("LINE とのやり取りに失敗したため、防災モードを切り替えられませんでした。しばらくしてから、もう一度お試しください。", e);
        }
    }

    /// <summary>
    /// A menu linked to a resident (a segment's, one staff linked, or a tab the resident switched to) hides the default
    /// one. On: every friend is unlinked, so that all see the disaster menu. Off: the segments' and the residents' own
    /// menus are linked again, the residents' last so that theirs win, as they do outside disaster mode.
    /// </summary>
    private async Task AddLinkRunsAsync(bool on, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (on)
        {
            db.Add(RichMenuLinkRun.Create(RichMenuLinkRunKind.UnlinkEveryone, null, null, null, await audience.CountAsync(null, cancellationToken), now));
            return;
        }

        var assignments = await db.Set<RichMenuSegmentAssignment>().AsNoTracking().OrderBy(a => a.AssignedAt).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            var total = await audience.CountAsync(JsonSerializer.Deserialize<SegmentExpression>(assignment.SegmentJson), cancellationToken);
            db.Add(RichMenuLinkRun.Create(RichMenuLinkRunKind.LinkSegment, assignment.MenuId, assignment.Id, assignment.SegmentJson, total, now));
            now += TimeSpan.FromMilliseconds(1); // Runs go in the order of their times; a distinct time per run keeps that order stored.
        }

        var residents = await db.Set<RichMenuResidentLink>().CountAsync(cancellationToken);
        if (residents > 0)
        {
            db.Add(RichMenuLinkRun.Create(RichMenuLinkRunKind.RelinkResidents, null, null, null, residents, now));
        }
    }

    private async Task<string?> PublishedAsync(RichMenuRole role, CancellationToken cancellationToken) =>
        await db.Set<RichMenuPublication>().AsNoTracking()
            .Join(db.Set<RichMenu>().Where(m => m.Role == role), p => p.MenuId, m => m.Id, (p, _) => p.LineRichMenuId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Another process switched first: its switch stands, and this one changes nothing more.</summary>
    private async Task<bool> SwitchedMeanwhileAsync(bool on, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<DisasterModeState>().AsNoTracking().AnyAsync(s => s.IsOn == on, cancellationToken);
    }

    private async Task<DisasterModeStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var state = await db.Set<DisasterModeState>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var published = await PublishedAsync(RichMenuRole.Disaster, cancellationToken) is not null;
        return new DisasterModeStatus(state?.IsOn ?? false, state?.SwitchedAt, state?.DraftDeliveryId, published);
    }

    private static string DraftText(string city) => $"""
        【緊急】{city}からのお知らせ
        （ここに災害の状況と、市民の皆さまへのお願いを書いてください。）
        避難所・ハザードマップ・安否確認は、トーク画面下の防災メニューからご覧いただけます。
        """;
}
