namespace SmartBranch.Portal.Modules.RichMenuLinks;

/// <summary>The texts of the rich menu link pages: <c>RichMenuLinksText.resx</c> (Japanese) and <c>RichMenuLinksText.en.resx</c>.</summary>
public sealed class RichMenuLinksText;
