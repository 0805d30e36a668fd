namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>The compose screens' texts: <c>ComposeText.resx</c> (Japanese) and <c>ComposeText.en.resx</c>.</summary>
public sealed class ComposeText;
