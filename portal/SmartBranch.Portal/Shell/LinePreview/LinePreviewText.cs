namespace SmartBranch.Portal.Shell.LinePreview;

/// <summary>The LINE preview's texts: <c>LinePreviewText.resx</c> (Japanese) and <c>LinePreviewText.en.resx</c>.</summary>
public sealed class LinePreviewText;
