namespace SmartBranch.Kernel.TrainingReset;

/// <summary>
/// The small, known population a training session sends to: the Residents module creates it in the current
/// (staging) environment after the erase, with preferences spread over the segment catalogue.
/// </summary>
public interface IStagingDemoResidents
{
    /// <returns>The demo residents' LINE user ids, the same on every reset of the same tenant.</returns>
    Task<IReadOnlyList<string>> CreateAsync(CancellationToken cancellationToken);
}
