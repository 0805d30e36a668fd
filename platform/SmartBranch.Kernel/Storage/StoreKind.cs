namespace SmartBranch.Kernel.Storage;

/// <summary>Where backups or media are kept: <c>Backups:Store</c>, <c>Media:Store</c>.</summary>
public enum StoreKind
{
    /// <summary>A local directory: the embedded default.</summary>
    Directory,

    /// <summary>An S3 bucket or an S3-compatible store, configured under the section's <c>S3</c>.</summary>
    S3,
}
