using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>
/// Segment menus linked to the residents of a segment, and a menu linked to one resident, in the current tenant
/// environment. While disaster mode is on, links are recorded and made when it ends.
/// </summary>
public interface IRichMenuLinks
{
    /// <summary>The segments with a menu, and the progress of the latest link runs.</summary>
    /// <exception cref="Domain.RichMenuForbiddenException">The staff member may not view rich menus.</exception>
    Task<RichMenuLinkOverview> GetAsync(CancellationToken cancellationToken);

    /// <summary>Links the published segment menu to the segment's friends in the background; audited.</summary>
    /// <exception cref="RichMenuLinkException">The menu is not a published segment menu.</exception>
    /// <exception cref="Domain.RichMenuForbiddenException">The staff member may not assign menus.</exception>
    Task<Guid> AssignAsync(Guid menuId, SegmentExpression segment, CancellationToken cancellationToken);

    /// <summary>Removes the assignment and unlinks the segment's friends in the background; audited.</summary>
    Task UnassignAsync(Guid assignmentId, CancellationToken cancellationToken);

    /// <summary>The menu staff linked to the resident, if any.</summary>
    Task<ResidentRichMenu?> GetResidentMenuAsync(Guid residentId, CancellationToken cancellationToken);

    /// <summary>Links the published menu to one resident (a friend) at once; audited as an action on personal data.</summary>
    /// <exception cref="RichMenuLinkException">The menu is not published, the resident is not a friend, or LINE cannot be reached.</exception>
    Task LinkResidentAsync(Guid residentId, Guid menuId, CancellationToken cancellationToken);

    /// <summary>Unlinks the menu staff linked to the resident; they see the default menu again. Audited.</summary>
    Task UnlinkResidentAsync(Guid residentId, CancellationToken cancellationToken);
}

public sealed record RichMenuLinkOverview(
    IReadOnlyList<RichMenuSegmentAssignmentView> Assignments, IReadOnlyList<RichMenuLinkRunView> Runs, IReadOnlyList<RichMenuChoice> SegmentMenus);

public sealed record RichMenuSegmentAssignmentView(Guid Id, Guid MenuId, string MenuName, SegmentExpression Segment, DateTimeOffset AssignedAt);

/// <param name="Total">How many residents there were to do when the run was asked for.</param>
/// <param name="Problem">Why it waits or failed, in Japanese.</param>
public sealed record RichMenuLinkRunView(
    Guid Id, RichMenuLinkRunKind Kind, string? MenuName, RichMenuLinkRunState State, int Done, int Total, string? Problem,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>A published menu staff may link to residents.</summary>
public sealed record RichMenuChoice(Guid MenuId, string Name);

public sealed record ResidentRichMenu(Guid MenuId, string MenuName, DateTimeOffset LinkedAt);

/// <summary>The link cannot be made; the message says why, in Japanese.</summary>
public sealed class RichMenuLinkException(string message, Exception? innerException = null) : Exception(message, innerException);
