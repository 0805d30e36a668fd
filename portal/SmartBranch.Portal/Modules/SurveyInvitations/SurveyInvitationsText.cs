namespace SmartBranch.Portal.Modules.SurveyInvitations;

/// <summary>The survey invitation page's texts: <c>SurveyInvitationsText.resx</c> (Japanese) and <c>SurveyInvitationsText.en.resx</c>.</summary>
public sealed class SurveyInvitationsText;
