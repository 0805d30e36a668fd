namespace SmartBranch.Portal.Modules.Reports;

/// <summary>The report screens' texts: <c>ReportsText.resx</c> (Japanese) and <c>ReportsText.en.resx</c>.</summary>
public sealed class ReportsText;
