using SmartBranch.Kernel.ResidentPages;

namespace SmartBranch.Modules.Reports.Form;

/// <summary>The report form's script and style sheet (<c>Assets/</c>), embedded in the module.</summary>
internal static class ReportFormAssets
{
    public static readonly string Script = Read("reports-form.js");
    public static readonly string StyleSheet = Read("reports-form.css");

    private static string Read(string name) => EmbeddedAsset.Read(typeof(ReportFormAssets).Assembly, $"SmartBranch.Modules.Reports.Assets.{name}");
}
