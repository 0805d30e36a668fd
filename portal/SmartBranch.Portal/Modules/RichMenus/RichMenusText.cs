namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>The rich menu editor's texts: <c>RichMenusText.resx</c> (Japanese) and <c>RichMenusText.en.resx</c>.</summary>
public sealed class RichMenusText;
