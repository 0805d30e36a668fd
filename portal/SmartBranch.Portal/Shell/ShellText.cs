namespace SmartBranch.Portal.Shell;

/// <summary>The shell's texts: <c>ShellText.resx</c> (Japanese) and <c>ShellText.en.resx</c>.</summary>
public sealed class ShellText;
