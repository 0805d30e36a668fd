namespace SmartBranch.Portal.Modules.Surveys;

/// <summary>What staff can do to a survey as a whole, each after a confirmation.</summary>
public enum SurveyLifecycleAction
{
    Open,
    Close,
    Promote,
}
