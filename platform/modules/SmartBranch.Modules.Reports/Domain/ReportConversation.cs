using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// Where a resident is in the chat flow (category → photo → place → comment → confirmation), kept between their
/// messages. It lapses <see cref="Timeout"/> after their last step; nothing of a lapsed or cancelled conversation
/// is kept except the photo file already stored.
/// </summary>
public sealed class ReportConversation : ITenantOwned
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string LineUserId { get; private init; } = "";
    public ReportConversationStep Step { get; private set; }
    public string? CategoryKey { get; private set; }
    public string? PhotoId { get; private set; }
    public DateTimeOffset? CapturedAt { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Address { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static ReportConversation Start(string lineUserId, DateTimeOffset at) =>
        new() { LineUserId = lineUserId, Step = ReportConversationStep.Category, ExpiresAt = at + Timeout };

    public bool IsExpiredAt(DateTimeOffset at) => at >= ExpiresAt;

    public void Restart(DateTimeOffset at)
    {
        Step = ReportConversationStep.Category;
        CategoryKey = PhotoId = Address = Comment = null;
        CapturedAt = null;
        Latitude = Longitude = null;
        ExpiresAt = at + Timeout;
    }

    public void ChooseCategory(string categoryKey, DateTimeOffset at) => Advance(ReportConversationStep.Photo, at, () => CategoryKey = categoryKey);

    public void AttachPhoto(string photoId, DateTimeOffset? capturedAt, DateTimeOffset at) => Advance(ReportConversationStep.Location, at, () =>
    {
        PhotoId = photoId;
        CapturedAt = capturedAt;
    });

    public void Locate(double latitude, double longitude, string? address, DateTimeOffset at) => Advance(ReportConversationStep.Comment, at, () =>
    {
        Latitude = latitude;
        Longitude = longitude;
        Address = address is { Length: > ReportCase.MaxAddressLength } ? address[..ReportCase.MaxAddressLength] : address;
    });

    public void Remark(string? comment, DateTimeOffset at) => Advance(ReportConversationStep.Confirm, at, () => Comment = comment);

    /// <summary>Resets the timeout without moving on (the resident is still answering the same step).</summary>
    public void KeepAlive(DateTimeOffset at) => ExpiresAt = at + Timeout;

    public ReportSubmission ToSubmission() => ReportSubmission.FromLine(
        LineUserId,
        CategoryKey ?? throw Incomplete(),
        PhotoId ?? throw Incomplete(),
        Latitude ?? throw Incomplete(),
        Longitude ?? throw Incomplete(),
        Address,
        CapturedAt,
        Comment);

    private void Advance(ReportConversationStep next, DateTimeOffset at, Action apply)
    {
        apply();
        Step = next;
        ExpiresAt = at + Timeout;
    }

    private static InvalidOperationException Incomplete() => new("The conversation is not at its confirmation step.");
}

public enum ReportConversationStep
{
    Category,
    Photo,
    Location,
    Comment,
    Confirm,
}
