namespace SmartBranch.Portal.Modules.Dashboard;

/// <summary>The dashboard's texts: <c>DashboardText.resx</c> (Japanese) and <c>DashboardText.en.resx</c>.</summary>
public sealed class DashboardText;
