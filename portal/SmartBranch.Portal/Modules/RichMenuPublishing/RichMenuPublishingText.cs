namespace SmartBranch.Portal.Modules.RichMenuPublishing;

/// <summary>The publishing page's texts: <c>RichMenuPublishingText.resx</c> (Japanese) and <c>RichMenuPublishingText.en.resx</c>.</summary>
public sealed class RichMenuPublishingText;
