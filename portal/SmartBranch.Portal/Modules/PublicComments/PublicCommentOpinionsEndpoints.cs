using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Domain;
using SmartBranch.Portal.Modules.SurveyResults;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.PublicComments;

/// <summary>
/// <c>POST …/public-comments/{id}/opinions/export</c>: a case's opinions as CSV (UTF-8 with BOM or Shift_JIS), streamed,
/// for staff with <see cref="PublicCommentsPermissions.Opinions"/>; identity fields masked and the export audited by the
/// module. Posted with the anti-forgery token, since it is an audited act.
/// </summary>
internal static class PublicCommentOpinionsEndpoints
{
    public static void MapPublicCommentOpinions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/{PublicCommentsPaths.List}/{{caseId:guid}}/opinions/export", ExportAsync)
            .RequireAuthorization(PublicCommentsPermissions.Opinions);

    private static async Task<IResult> ExportAsync(
        string tenant, Guid caseId, [FromForm] string? encoding, PublicCommentOpinionsExport opinions, IStringLocalizer<PublicCommentsText> text,
        TimeProvider clock, HttpContext http)
    {
        if (!CsvDownload.TryParse(encoding, out var chosen))
        {
            return TypedResults.Problem(title: text["ExportBadEncoding"], statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var export = await opinions.ExportAsync(caseId, chosen, http.RequestAborted);
            return CsvDownload.Stream(export, $"public-comment-{tenant}-{caseId:N}", clock, http);
        }
        catch (PublicCommentRuleException e)
        {
            return TypedResults.Problem(title: e.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
