using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.SurveyResults;

/// <summary>
/// <c>POST …/surveys/{id}/results/export</c>: a survey's answers as CSV, streamed from the database as they are read,
/// for staff with <see cref="SurveysPermissions.Results"/>. Posted with the anti-forgery token, since it is an
/// audited act. <c>GET …/results/responses/{responseId}/images/{imageId}</c>: an image answer (or its preview with
/// <c>?preview=true</c>), for staff who may also see residents' personal data; each view audited by the module.
/// </summary>
internal static class SurveyResultsEndpoints
{
    public static void MapSurveyResults(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/surveys/{{surveyId:guid}}/results/export", ExportAsync).RequireAuthorization(SurveysPermissions.Results);
        endpoints.MapGet($"{PortalRoutes.Portal}/{{tenant}}/surveys/{{surveyId:guid}}/results/responses/{{responseId:guid}}/images/{{imageId}}", ImageAsync)
            .RequireAuthorization(SurveysPermissions.Results);
    }

    private static async Task<IResult> ImageAsync(
        Guid surveyId, Guid responseId, string imageId, bool? preview, SmartBranch.Modules.Surveys.Analysis.SurveyResults results, HttpContext http)
    {
        try
        {
            var image = await results.OpenImageAsync(surveyId, responseId, imageId, preview ?? false, http.RequestAborted);
            if (image is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Stream(image, "image/jpeg");
        }
        catch (UnauthorizedAccessException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (SurveyRuleException)
        {
            return Results.NotFound();
        }
    }

    private static async Task<IResult> ExportAsync(
        string tenant,
        Guid surveyId,
        [FromForm] string? encoding,
        SmartBranch.Modules.Surveys.Analysis.SurveyResults results,
        IStringLocalizer<SurveyResultsText> text,
        TimeProvider clock,
        HttpContext http)
    {
        if (!CsvDownload.TryParse(encoding, out var chosen))
        {
            return TypedResults.Problem(title: text["ExportBadEncoding"], statusCode: StatusCodes.Status400BadRequest);
        }

        CsvExport export;
        try
        {
            export = await results.ExportCsvAsync(surveyId, chosen, http.RequestAborted);
        }
        catch (SurveyRuleException e)
        {
            return TypedResults.Problem(title: e.Message, statusCode: StatusCodes.Status404NotFound);
        }

        return CsvDownload.Stream(export, $"survey-{tenant}-{surveyId:N}", clock, http);
    }
}
