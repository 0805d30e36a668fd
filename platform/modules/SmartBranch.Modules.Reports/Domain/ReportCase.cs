using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// One report: what (category), where (coordinates), when, a photo and an optional comment. A resident's report from
/// LINE keeps the reporter only as the LINE user id, to tell them of status changes; no name or profile is stored. A
/// report from an Open311 client keeps the client's name instead, and no reporter at all.
/// </summary>
public sealed class ReportCase : ITenantOwned
{
    public const int MaxCommentLength = 500;
    public const int MaxAddressLength = 200;
    public const int MaxMediaUrlLength = 500;
    public const int MaxSubmissionKeyLength = 40;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary><c>R-2026-000123</c>: unique per tenant environment, told to the resident.</summary>
    public string ReceiptNumber { get; private init; } = "";

    public string CategoryKey { get; private init; } = "";
    public string DepartmentKey { get; private init; } = "";
    public ReportSource Source { get; private init; }

    /// <summary>The name of the Open311 client (its API key's name) that filed the case; null from LINE.</summary>
    public string? SourceClient { get; private init; }

    /// <summary>The reporter to tell of status changes; null when the case came through Open311.</summary>
    public string? ReporterLineUserId { get; private init; }

    /// <summary>The stored photo's media id (<c>{id}.jpg</c> and <c>{id}-preview.jpg</c>); null when none was sent.</summary>
    public string? PhotoId { get; private init; }

    /// <summary>The photo an Open311 client pointed to (<c>media_url</c>); never fetched by us, only linked for staff.</summary>
    public string? MediaUrl { get; private init; }

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

    /// <summary>The other body (国, 県) that manages the road at the place, from the tenant's road managers; null when the city does.</summary>
    public string? RoadManagerKey { get; private init; }

    /// <summary>The road's name (国道7号) when <see cref="RoadManagerKey"/> is set.</summary>
    public string? Road { get; private init; }

    /// <summary>The key of the form submission that filed the case (the LIFF form); a second press with it finds this case.</summary>
    public string? SubmissionKey { get; private init; }

    /// <summary>An open report close in place and time to this one, flagged for staff to judge.</summary>
    public Guid? PossibleDuplicateOfId { get; private init; }

    /// <summary>Staff approved the photo for the tenant's public status map (it has no EXIF data; a person must still judge faces, plates and homes).</summary>
    public bool PhotoPublic { get; private set; }

    /// <param name="roadManager">The key and road name of the road's other manager, if any.</param>
    public static ReportCase File(
        ReportSubmission submission, string receiptNumber, string departmentKey, (string Key, string Road)? roadManager, Guid? possibleDuplicateOf, DateTimeOffset now) => new()
    {
        RoadManagerKey = roadManager?.Key,
        Road = roadManager?.Road,
        ReceiptNumber = receiptNumber,
        CategoryKey = submission.CategoryKey,
        DepartmentKey = departmentKey,
        Source = submission.Source,
        SourceClient = submission.SourceClient,
        ReporterLineUserId = submission.LineUserId,
        SubmissionKey = submission.SubmissionKey,
        PhotoId = submission.PhotoId,
        MediaUrl = submission.MediaUrl,
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

    /// <summary>Approves the photo for the public map, or withdraws the approval.</summary>
    /// <exception cref="ReportRuleException">No photo of ours, already so, or an approval for a case the public map leaves out (対応不可).</exception>
    public void PublishPhoto(bool isPublic, DateTimeOffset now)
    {
        if (PhotoId is null)
        {
            throw new ReportRuleException("この通報には公開できる写真がありません。");
        }

        if (PhotoPublic == isPublic)
        {
            throw new ReportRuleException(isPublic ? "写真はすでに公開地図に載せています。" : "写真は公開地図に載せていません。");
        }

        if (isPublic && Status == ReportStatus.Declined)
        {
            throw new ReportRuleException("対応不可の通報は公開地図に載らないため、写真も公開できません。");
        }

        PhotoPublic = isPublic;
        UpdatedAt = now;
    }
}

/// <summary>What a resident or an Open311 client sent, complete, ready to become a case.</summary>
public sealed record ReportSubmission(string CategoryKey, double Latitude, double Longitude, string? Address, string? Comment)
{
    public ReportSource Source { get; init; } = ReportSource.Line;
    public string? LineUserId { get; init; }
    public string? SourceClient { get; init; }
    public string? PhotoId { get; init; }
    public DateTimeOffset? CapturedAt { get; init; }
    public string? MediaUrl { get; init; }

    /// <summary>Set by the LIFF form, whose page may be submitted twice; the chat's conversation needs none.</summary>
    public string? SubmissionKey { get; init; }

    public static ReportSubmission FromLine(
        string lineUserId, string categoryKey, string photoId, double latitude, double longitude, string? address, DateTimeOffset? capturedAt, string? comment) =>
        new(categoryKey, latitude, longitude, address, comment) { LineUserId = lineUserId, PhotoId = photoId, CapturedAt = capturedAt };
}

/// <summary>Where a case came from: a resident's LINE chat, or a city system or app through the Open311 API.</summary>
public enum ReportSource
{
    Line,
    Open311,
}

/// <summary>A rule of the Reports module refused a staff action; the message is Japanese, for staff.</summary>
public sealed class ReportRuleException : Exception
{
    public ReportRuleException() { }

    public ReportRuleException(string message) : base(message) { }

    public ReportRuleException(string message, Exception innerException) : base(message, innerException) { }
}
