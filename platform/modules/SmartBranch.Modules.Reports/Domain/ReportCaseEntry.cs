using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// One line of a case's history: filed, a status change, an internal note, a forward to the road's manager (転送), or
/// the photo's approval for the public map or its withdrawal.
/// Notes are for staff only and never reach the resident.
/// </summary>
public sealed class ReportCaseEntry : ITenantOwned
{
    public const int MaxNoteLength = 2000;
    public const int MaxForwardedToLength = 300;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid CaseId { get; private init; }
    public DateTimeOffset At { get; private init; }

    /// <summary>Null when the resident filed the case.</summary>
    public string? StaffUserId { get; private init; }

    public string? StaffDisplayName { get; private init; }
    public ReportStatus? FromStatus { get; private init; }
    public ReportStatus? ToStatus { get; private init; }
    public string? Note { get; private init; }

    /// <summary>Who the case was forwarded to by e-mail (<c>name &lt;address&gt;</c>); null for other entries.</summary>
    public string? ForwardedTo { get; private init; }

    /// <summary>True when staff approved the photo for the public map, false when they withdrew it; null for other entries.</summary>
    public bool? PhotoPublic { get; private init; }

    public static ReportCaseEntry Filed(ReportCase report) =>
        new() { CaseId = report.Id, At = report.ReportedAt, ToStatus = ReportStatus.Received };

    public static ReportCaseEntry Forwarded(Guid caseId, DateTimeOffset at, string staffUserId, string? staffDisplayName, string forwardedTo, string? note) =>
        new() { CaseId = caseId, At = at, StaffUserId = staffUserId, StaffDisplayName = staffDisplayName, ForwardedTo = forwardedTo, Note = note };

    public static ReportCaseEntry PhotoPublication(Guid caseId, DateTimeOffset at, string staffUserId, string? staffDisplayName, bool isPublic) =>
        new() { CaseId = caseId, At = at, StaffUserId = staffUserId, StaffDisplayName = staffDisplayName, PhotoPublic = isPublic };

    public static ReportCaseEntry ByStaff(Guid caseId, DateTimeOffset at, string staffUserId, string? staffDisplayName, ReportStatus? from, ReportStatus? to, string? note) =>
        new() { CaseId = caseId, At = at, StaffUserId = staffUserId, StaffDisplayName = staffDisplayName, FromStatus = from, ToStatus = to, Note = note };
}
