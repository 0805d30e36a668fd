using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>What a link run does to LINE's per-user menus.</summary>
public enum RichMenuLinkRunKind
{
    /// <summary>Links a segment menu to the segment's residents (those linked one by one keep their own).</summary>
    LinkSegment,

    /// <summary>Unlinks the segment's residents (those linked one by one keep their own).</summary>
    UnlinkSegment,

    /// <summary>Disaster mode: unlinks every friend, so that all see the default menu, the disaster menu.</summary>
    UnlinkEveryone,

    /// <summary>Disaster mode ended: links again the menus staff linked to residents one by one.</summary>
    RelinkResidents,
}

public enum RichMenuLinkRunState
{
    Running,
    Done,

    /// <summary>A link asked for while disaster mode was on: the end of disaster mode links every assignment again.</summary>
    Skipped,

    /// <summary>LINE refused the request itself (not a rate limit or an outage), or the menu is no longer published.</summary>
    Failed,
}

/// <summary>
/// One pass of bulk link or unlink calls (at most 500 user ids each) over a set of residents, resumed after a crash
/// from <see cref="Cursor"/>, stored after each call LINE accepted: a crash repeats at most that one call, which links
/// or unlinks the same users again and changes nothing, and never skips anyone. Runs of one tenant environment go
/// one at a time in the order they were asked for, so an unlink never overtakes the link before it.
/// </summary>
public sealed class RichMenuLinkRun : ITenantOwned
{
    private RichMenuLinkRun()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public RichMenuLinkRunKind Kind { get; private init; }

    /// <summary>The menu linked by <see cref="RichMenuLinkRunKind.LinkSegment"/>.</summary>
    public Guid? MenuId { get; private init; }

    /// <summary>The assignment this run carries out, kept for the portal's progress after it is removed.</summary>
    public Guid? AssignmentId { get; private init; }

    /// <summary>A <see cref="Residents.Contracts.SegmentExpression"/> as JSON; null: every friend.</summary>
    public string? SegmentJson { get; private init; }
    public RichMenuLinkRunState State { get; private set; }

    /// <summary>How many residents there were to do when the run was asked for.</summary>
    public int Total { get; private init; }
    public int Done { get; private set; }
    public string? Cursor { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    internal static RichMenuLinkRun Create(
        RichMenuLinkRunKind kind, Guid? menuId, Guid? assignmentId, string? segmentJson, int total, DateTimeOffset now) =>
        new()
        {
            Kind = kind,
            MenuId = menuId,
            AssignmentId = assignmentId,
            SegmentJson = segmentJson,
            Total = total,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    internal bool LinksMenus => Kind is RichMenuLinkRunKind.LinkSegment or RichMenuLinkRunKind.RelinkResidents;

    internal void Claim(Guid claim, DateTimeOffset lockedUntil)
    {
        ClaimToken = claim;
        LockedUntil = lockedUntil;
    }

    /// <param name="continuation">Where the next call starts; null when this call was the last.</param>
    internal void Advanced(int residents, string? continuation, DateTimeOffset now)
    {
        Done += residents;
        Cursor = continuation;
        Attempts = 0;
        Problem = null;
        if (continuation is null)
        {
            Finish(RichMenuLinkRunState.Done, null, now);
        }
    }

    /// <summary>LINE was busy (429 after the client's own retries) or unreachable: the run waits longer each time.</summary>
    internal void Postpone(string problem, DateTimeOffset now)
    {
        Attempts++;
        Problem = problem;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts, 9))));
        ClaimToken = null;
        LockedUntil = null;
    }

    internal void Finish(RichMenuLinkRunState state, string? problem, DateTimeOffset now)
    {
        State = state;
        Problem = problem;
        FinishedAt = now;
        ClaimToken = null;
        LockedUntil = null;
    }
}
