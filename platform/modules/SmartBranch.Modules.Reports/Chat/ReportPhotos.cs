using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;

namespace SmartBranch.Modules.Reports.Chat;

/// <summary>
/// Keeps our own copy of a resident's photo, whether it came through LINE's content API (the chat) or as an upload
/// (the form): sniffed, size-limited, re-encoded without EXIF (<see cref="ImageReencoder"/>), the capture time read
/// first (<see cref="ImageCaptureTime"/>). LINE deletes content after a while, so the copy is made when the photo arrives.
/// </summary>
internal sealed class ReportPhotos(ILineMessagingClient line, IMediaStore store, ICurrentTenant currentTenant)
{
    /// <exception cref="ImageRejectedException">Not a JPEG or PNG, too large, or unreadable.</exception>
    /// <exception cref="LineApiException">LINE did not hand the content over.</exception>
    public async Task<StoredReportPhoto> KeepAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var content = await line.GetMessageContentAsync(messageId, cancellationToken);
        return await KeepAsync(content.Content, cancellationToken);
    }

    /// <exception cref="ImageRejectedException">Not a JPEG or PNG, too large, or unreadable.</exception>
    public async Task<StoredReportPhoto> KeepAsync(Stream content, CancellationToken cancellationToken)
    {
        var bytes = await ImageReencoder.ReadLimitedAsync(content, cancellationToken);
        var capturedAt = ImageCaptureTime.Read(bytes);
        var image = ImageReencoder.Reencode(bytes.Span);
        var tenant = currentTenant.Required;
        var id = MediaFileName.NewId();
        await store.SaveAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Original(id)), image.Original, cancellationToken);
        await store.SaveAsync(new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Preview(id)), image.Preview, cancellationToken);
        return new StoredReportPhoto(id, capturedAt);
    }
}

internal sealed record StoredReportPhoto(string PhotoId, DateTimeOffset? CapturedAt);
