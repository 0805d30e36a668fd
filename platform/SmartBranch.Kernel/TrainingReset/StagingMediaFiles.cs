using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Media;

namespace SmartBranch.Kernel.TrainingReset;

/// <summary>
/// Deletes the media files of what a committed reset erased. A file the store cannot delete is logged by its name (a
/// random id, no personal data) and counted as left: the rows are gone already, so it never fails the reset.
/// </summary>
internal sealed partial class StagingMediaFiles(IMediaStore store, ILogger<StagingMediaFiles> logger)
{
    public async Task<DeletedMediaFiles> DeleteAsync(
        string tenantSlug, string environmentName, IReadOnlyList<ErasedMedia> media, CancellationToken cancellationToken)
    {
        var left = 0;
        foreach (var item in media)
        {
            var deleted = true;
            foreach (var fileName in item.FileNames)
            {
                deleted &= await TryDeleteAsync(new MediaKey(tenantSlug, environmentName, fileName), cancellationToken);
            }

            left += deleted ? 0 : 1;
        }

        return new DeletedMediaFiles(media.Count - left, left);
    }

    private async Task<bool> TryDeleteAsync(MediaKey key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotDeleted(e, key.TenantSlug, key.EnvironmentName, key.FileName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training reset could not delete the media file {FileName} of {TenantSlug}/{EnvironmentName}.")]
    private partial void LogNotDeleted(Exception exception, string tenantSlug, string environmentName, string fileName);
}
