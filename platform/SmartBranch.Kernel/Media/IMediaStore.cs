namespace SmartBranch.Kernel.Media;

/// <summary>
/// Where processed media is kept, one folder of files per tenant environment. Files are written once and
/// never changed, so whoever serves them may cache them for as long as it likes. The file system is the
/// embedded default; an object store (S3-compatible) implements the same contract. A file goes only with the data
/// that refers to it (the training reset).
/// </summary>
public interface IMediaStore
{
    /// <summary>Writes a new file; an existing file of the same key is an error, never overwritten.</summary>
    Task SaveAsync(MediaKey key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file for reading, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(MediaKey key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a file that is not there is no error, so deleting twice is fine.</summary>
    Task DeleteAsync(MediaKey key, CancellationToken cancellationToken);
}

/// <summary>One stored file: its tenant environment and its file name (already checked by <see cref="MediaFileName"/>).</summary>
public sealed record MediaKey(string TenantSlug, string EnvironmentName, string FileName)
{
    /// <summary>Whether every part is safe as a path segment or object key: a name <see cref="MediaFileName"/> made, lower-case slugs.</summary>
    public bool IsStorable => MediaFileName.IsValid(FileName) && IsSafeSegment(TenantSlug) && IsSafeSegment(EnvironmentName);

    /// <summary>Where this server serves the file: <c>/media/{tenant}/{env}/{file}</c>.</summary>
    public string ServedPath => "/" + MediaEndpoints.PathOf(this);

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
