using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// One report from a resident: what (category), where (coordinates from LINE's location picker), when, one photo we
/// stored, and an optional comment. The reporter is kept only as the LINE user id, to tell them of status changes;
/// no name or profile is stored.
/// </summary>
public sealed class ReportCase : ITenantOwned
{
    public const int MaxCommentLength = 500;
    public const int MaxAddressLength = 200;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary><c>R-2026-000123</c>: unique per tenant environment, told to the resident.</summary>
    public string ReceiptNumber { get; private init; } = "";

    public string CategoryKey { get; private init; } = "";
    public string DepartmentKey { get; private init; } = "";
    public string ReporterLineUserId { get; private init; } = "";

    /// <summary>The stored photo's media id (<c>{id}.jpg</c> and <c>{id}-preview.jpg</c>).</summary>
    public string PhotoId { get; private init; } = "";

    public double Latitude { get; private init; }
    public double Longitude { get; private init; }

    /// <summary>The address LINE's location picker gave, if any.</summary>
    public string? Address { get; private init; }

    /// <summary>When the photo was taken, from its EXIF data, if it carried any (LINE usually strips it).</summary>
    public DateTimeOffset? CapturedAt { get; private init; }

    public DateTimeOffset ReportedAt { get; private init; }
    public string? Comment { get; private init; }
    public ReportStatus Status { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>An open report close in place and time to this one, flagged for staff to judge.</summary>
    public Guid? PossibleDuplicateOfId { get; private init; }

    public static ReportCase File(ReportSubmission submission, string receiptNumber, string departmentKey, Guid? possibleDuplicateOf, DateTimeOffset now) => new()
    {
        ReceiptNumber = receiptNumber,
        CategoryKey = submission.CategoryKey,
        DepartmentKey = departmentKey,
        ReporterLineUserId = submission.LineUserId,
        PhotoId = submission.PhotoId,
        Latitude = submission.Latitude,
        Longitude = submission.Longitude,
        Address = submission.Address,
        CapturedAt = submission.CapturedAt,
        Comment = submission.Comment,
        ReportedAt = now,
        UpdatedAt = now,
        Status = ReportStatus.Received,
        PossibleDuplicateOfId = possibleDuplicateOf,
    };

    /// <exception cref="ReportRuleException">The case cannot move to <paramref name="to"/> from where it is.</exception>
    public void MoveTo(ReportStatus to, DateTimeOffset now)
    {
        if (!Status.CanMoveTo(to))
        {
            throw new ReportRuleException($"「{Status.Japanese()}」の案件は「{to.Japanese()}」にできません。");
        }

        Status = to;
        UpdatedAt = now;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>What the resident sent, complete, ready to become a case.</summary>
public sealed record ReportSubmission(
    string LineUserId, string CategoryKey, string PhotoId, double Latitude, double Longitude, string? Address, DateTimeOffset? CapturedAt, string? Comment);

/// <summary>A rule of the Reports module refused a staff action; the message is Japanese, for staff.</summary>
public sealed class ReportRuleException : Exception
{
    public ReportRuleException() { }

    public ReportRuleException(string message) : base(message) { }

    public ReportRuleException(string message, Exception innerException) : base(message, innerException) { }
}
