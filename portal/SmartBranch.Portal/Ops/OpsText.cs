namespace SmartBranch.Portal.Ops;

/// <summary>The operators' console's texts: <c>OpsText.resx</c> (Japanese) and <c>OpsText.en.resx</c>.</summary>
public sealed class OpsText;
