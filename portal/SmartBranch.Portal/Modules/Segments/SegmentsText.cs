namespace SmartBranch.Portal.Modules.Segments;

/// <summary>The segment editor's texts: <c>SegmentsText.resx</c> (Japanese) and <c>SegmentsText.en.resx</c>.</summary>
public sealed class SegmentsText;
