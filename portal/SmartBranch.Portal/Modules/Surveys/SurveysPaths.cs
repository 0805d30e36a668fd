using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Surveys;

/// <summary>The survey screens' addresses.</summary>
public static class SurveysPaths
{
    public const string List = "surveys";

    public static string Surveys(string tenantSlug) => PortalRoutes.TenantPage(tenantSlug, List);

    public static string New(string tenantSlug) => $"{Surveys(tenantSlug)}/new";

    public static string Edit(string tenantSlug, Guid surveyId) => $"{Surveys(tenantSlug)}/{surveyId}/edit";

    public static string Invitations(string tenantSlug, Guid surveyId) => $"{Surveys(tenantSlug)}/{surveyId}/invitations";
}
