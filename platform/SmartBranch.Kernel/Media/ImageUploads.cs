using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Re-encodes an upload (<see cref="ImageReencoder"/>), keeps both JPEGs in the current tenant
/// environment's part of the <see cref="IMediaStore"/> and records the upload in the audit log.
/// </summary>
internal sealed class ImageUploads(ICurrentTenant currentTenant, IMediaStore store, IAuditLog auditLog, PublicServerUrl publicServerUrl) : IImageUploads
{
    public const string AuditAction = "media.image_uploaded";

    public async Task<StoredImage> StoreAsync(Stream content, CancellationToken cancellationToken)
    {
        var tenant = currentTenant.Required;
        var upload = await ImageReencoder.ReadLimitedAsync(content, cancellationToken);
        var image = ImageReencoder.Reencode(upload.Span);

        var id = MediaFileName.NewId();
        var original = new MediaKey(tenant.TenantSlug, tenant.EnvironmentName, MediaFileName.Original(id));
        var preview = original with { FileName = MediaFileName.Preview(id) };
        await store.SaveAsync(original, image.Original, cancellationToken);
        await store.SaveAsync(preview, image.Preview, cancellationToken);

        await auditLog.RecordAsync(
            new AuditRecord(AuditAction, "image", id, $"LINE で送る画像をアップロードしました（{image.Width}×{image.Height}）。"),
            cancellationToken);
        return new StoredImage(UrlOf(original), UrlOf(preview));
    }

    /// <summary>The public address of a stored file: <c>{Server:PublicUrl}/media/{tenant}/{env}/{file}</c>.</summary>
    private string UrlOf(MediaKey key) =>
        new Uri(publicServerUrl.Value, MediaEndpoints.PathOf(key)).ToString();
}
