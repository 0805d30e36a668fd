namespace SmartBranch.Portal.Modules.AccessGrants;

/// <summary>Operators' access grants' texts: <c>AccessGrantsText.resx</c> (Japanese) and <c>AccessGrantsText.en.resx</c>.</summary>
public sealed class AccessGrantsText;
