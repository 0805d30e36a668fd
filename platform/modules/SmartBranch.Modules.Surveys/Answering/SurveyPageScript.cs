using SmartBranch.Kernel.ResidentPages;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>The survey page's script (<c>Assets/surveys.js</c>), embedded in the module.</summary>
internal static class SurveyPageScript
{
    public static readonly string Source = EmbeddedAsset.Read(typeof(SurveyPageScript).Assembly, "SmartBranch.Modules.Surveys.Assets.surveys.js");
}
