using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.PublicComments.Domain;

/// <summary>A PDF put to residents with a case (the draft plan, its outline); the file itself is in the media store.</summary>
public sealed class PublicCommentDocument : ITenantOwned
{
    public const int MaxTitleLength = 200;

    private PublicCommentDocument()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid CaseId { get; private init; }

    /// <summary>What residents see, from the uploaded file's name (without <c>.pdf</c>).</summary>
    public string Title { get; private init; } = "";

    /// <summary>The stored file's name in the media store (<see cref="Kernel.Media.MediaFileName.Document"/>).</summary>
    public string MediaFileName { get; private init; } = "";

    public long SizeBytes { get; private init; }
    public DateTimeOffset UploadedAt { get; private init; }

    public static PublicCommentDocument Attach(Guid caseId, string title, string mediaFileName, long sizeBytes, DateTimeOffset now) =>
        new() { CaseId = caseId, Title = title, MediaFileName = mediaFileName, SizeBytes = sizeBytes, UploadedAt = now };
}
