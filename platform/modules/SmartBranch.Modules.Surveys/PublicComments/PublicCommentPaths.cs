namespace SmartBranch.Modules.Surveys.PublicComments;

/// <summary>The resident pages of a case, relative to the tenant environment's <c>/r/{tenant}/{env}</c>.</summary>
public static class PublicCommentPaths
{
    public const string Segment = "comments";

    public static string CasePage(Guid caseId) => $"{Segment}/{caseId}";

    public static string ResultPage(Guid caseId) => $"{CasePage(caseId)}/result";

    public static string Document(Guid caseId, Guid documentId) => $"{CasePage(caseId)}/documents/{documentId}";
}
