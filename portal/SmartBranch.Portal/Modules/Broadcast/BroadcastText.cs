namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>The delivery screens' texts: <c>BroadcastText.resx</c> (Japanese) and <c>BroadcastText.en.resx</c>.</summary>
public sealed class BroadcastText;
