namespace SmartBranch.Kernel.TrainingReset;

/// <summary>
/// Before a training session the vendor's operator returns a city's staging environment to a known state: what
/// trainees made is erased by every module's <see cref="IStagingDataEraser"/> in one transaction, then the demo
/// residents are created (and, when the channel is the emulator, made its friends there). Production is refused
/// here, whatever the caller; the audit log is never erased; the reset is recorded in it.
/// </summary>
public interface IStagingDataReset
{
    /// <exception cref="StagingResetException">Not an operator, no such tenant or environment, production, or no reason.</exception>
    Task<StagingResetResult> ResetAsync(
        string tenantSlug, string environmentName, StagingResetOptions options, string reason, CancellationToken cancellationToken);
}

/// <param name="Erased">Each kind of data, with how many rows went.</param>
/// <param name="DemoResidents">How many demo residents are now friends of the staging account.</param>
/// <param name="EmulatorFriends">Whether the emulator made them friends of the channel; null when the channel is real LINE.</param>
/// <param name="MediaFiles">The photos, images and documents of the erased rows removed from the media store, and those left.</param>
public sealed record StagingResetResult(IReadOnlyList<ErasedRows> Erased, int DemoResidents, bool? EmulatorFriends, DeletedMediaFiles MediaFiles);

/// <param name="Deleted">Images (with all their variants) and documents deleted from the media store.</param>
/// <param name="Left">Those the store could not delete (logged by file name): still there, referred to by nothing.</param>
public sealed record DeletedMediaFiles(int Deleted, int Left);

/// <summary>A reset refused; the message is Japanese and meant for the operator.</summary>
public sealed class StagingResetException : Exception
{
    public StagingResetException() { }

    public StagingResetException(string message) : base(message) { }

    public StagingResetException(string message, Exception innerException) : base(message, innerException) { }
}
