namespace SmartBranch.Portal.Modules.Applications;

/// <summary>The application screens' texts: <c>ApplicationsText.resx</c> (Japanese) and <c>ApplicationsText.en.resx</c>.</summary>
public sealed class ApplicationsText;
