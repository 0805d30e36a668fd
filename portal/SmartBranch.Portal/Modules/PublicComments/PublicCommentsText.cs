namespace SmartBranch.Portal.Modules.PublicComments;

/// <summary>The public comment pages' texts: <c>PublicCommentsText.resx</c> (Japanese) and <c>PublicCommentsText.en.resx</c>.</summary>
public sealed class PublicCommentsText;
