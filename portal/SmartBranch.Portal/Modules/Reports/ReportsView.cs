namespace SmartBranch.Portal.Modules.Reports;

/// <summary>The report screens' tabs.</summary>
public enum ReportsView
{
    List,
    Map,
    Statistics,
}
