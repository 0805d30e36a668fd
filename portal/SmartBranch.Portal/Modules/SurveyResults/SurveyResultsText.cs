namespace SmartBranch.Portal.Modules.SurveyResults;

/// <summary>The results page's texts: <c>SurveyResultsText.resx</c> (Japanese) and <c>SurveyResultsText.en.resx</c>.</summary>
public sealed class SurveyResultsText;
