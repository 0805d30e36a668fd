namespace SmartBranch.Portal.Modules.DataExport;

/// <summary>The data export page's texts: <c>DataExportText.resx</c> (Japanese) and <c>DataExportText.en.resx</c>.</summary>
public sealed class DataExportText;
