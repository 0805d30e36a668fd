namespace SmartBranch.Portal.Ops.TrainingReset;

/// <summary>The training reset's texts: <c>TrainingResetText.resx</c> (Japanese) and <c>TrainingResetText.en.resx</c>.</summary>
public sealed class TrainingResetText;
