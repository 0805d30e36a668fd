namespace SmartBranch.Portal.Modules.Residents;

/// <summary>The residents list's texts: <c>ResidentsText.resx</c> (Japanese) and <c>ResidentsText.en.resx</c>.</summary>
public sealed class ResidentsText;
