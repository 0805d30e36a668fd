namespace SmartBranch.Portal.Modules.Surveys;

/// <summary>The survey screens' texts: <c>SurveysText.resx</c> (Japanese) and <c>SurveysText.en.resx</c>.</summary>
public sealed class SurveysText;
