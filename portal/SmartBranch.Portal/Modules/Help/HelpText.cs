namespace SmartBranch.Portal.Modules.Help;

/// <summary>The manual pages' texts: <c>HelpText.resx</c> (Japanese) and <c>HelpText.en.resx</c>. The manual itself is Japanese.</summary>
public sealed class HelpText;
