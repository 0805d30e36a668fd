using SmartBranch.Kernel.Media;

namespace SmartBranch.Kernel.TrainingReset;

/// <summary>
/// A module's part of the training reset (docs/training/trainer-guide.md): it erases the working data its
/// residents and staff made in one staging environment, and says for every tenant-owned entity it owns
/// whether the reset erases or keeps it. Register one per module
/// (<c>services.AddStagingDataEraser&lt;ResidentsStagingEraser&gt;()</c>); it is resolved in the scope of the
/// staging environment being reset, so the query filters confine its deletes to that environment.
/// </summary>
public interface IStagingDataEraser
{
    StagingDataClassification Classification { get; }

    /// <summary>
    /// Deletes this module's rows (children before parents) inside the caller's transaction; no
    /// <c>SaveChanges</c>, so it never needs a write turn of its own.
    /// </summary>
    /// <returns>What was erased, in the order shown to the operator; zero counts included.</returns>
    Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// The media files of the rows <see cref="EraseAsync"/> will delete, read in the same transaction before any
    /// eraser deletes; the reset deletes the files only once that transaction has committed, so a rollback never
    /// leaves rows whose files are gone. A module that stores no files keeps this default.
    /// </summary>
    Task<IReadOnlyList<ErasedMedia>> FindMediaAsync(StagingResetOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ErasedMedia>>([]);
}

/// <summary>Every tenant-owned entity type a module owns, each in exactly one list.</summary>
/// <param name="Working">What residents and trainees made: always erased.</param>
/// <param name="Definitions">Content the city authors in staging (survey and public-comment definitions):
/// erased only when the operator chooses <see cref="StagingResetOptions.EraseDefinitions"/>.</param>
/// <param name="Configuration">Settings and catalogues authored in staging to be promoted: never erased.</param>
public sealed record StagingDataClassification(
    IReadOnlyList<Type> Working,
    IReadOnlyList<Type> Definitions,
    IReadOnlyList<Type> Configuration)
{
    public IEnumerable<Type> All => Working.Concat(Definitions).Concat(Configuration);
}

/// <param name="EraseDefinitions">Also erase the survey and public-comment definitions made in staging.</param>
public sealed record StagingResetOptions(bool EraseDefinitions);

/// <summary>How many rows of one kind of data a reset erased; the names are what the operator reads.</summary>
public sealed record ErasedRows(string NameJa, string NameEn, int Count);

/// <summary>One image or document of erased rows, with every file name it may be stored under.</summary>
public sealed record ErasedMedia(IReadOnlyList<string> FileNames)
{
    /// <summary>All of an image's variants: deleting a file that was never stored is harmless.</summary>
    public static ErasedMedia Image(string id) => new(MediaFileName.ImageVariants(id));

    public static ErasedMedia Document(string fileName) => new([fileName]);
}
