using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Features.DisasterMode;

/// <summary>
/// <c>POST /api/{tenant}/richmenus/disaster-mode</c> <c>{ "on": true }</c>: the city's disaster system switches disaster mode
/// of the tenant's production environment, with a token of the tenant that holds <see cref="ApiScopes.DisasterMode"/>.
/// </summary>
internal static class DisasterModeEndpoints
{
    /// <summary>The JWT subject claim: the API client's id.</summary>
    private const string SubjectClaim = "sub";

    public static void MapDisasterModeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/{tenant}/richmenus/disaster-mode", SwitchAsync).RequireAuthorization(ApiScopes.DisasterMode);

    private static async Task<IResult> SwitchAsync(
        string tenant, DisasterModeRequest? request, HttpContext http, ITenantScopeFactory scopes, CancellationToken cancellationToken)
    {
        if (request?.On is not { } on)
        {
            return Results.Problem("本文に { \"on\": true } または { \"on\": false } を指定してください。", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var clientId = http.User.FindFirst(SubjectClaim)?.Value ?? "unknown";
            await using var production = scopes.CreateScope(tenant, TenantEnvironmentNames.Production);
            var disasterMode = production.ServiceProvider.GetRequiredService<DisasterModeSwitch>();
            var status = await disasterMode.SwitchAsync(on, $"api:{clientId}", "防災システム", cancellationToken);
            return Results.Ok(new DisasterModeResponse(status.IsOn, status.SwitchedAt, status.DraftDeliveryId));
        }
        catch (RichMenuPublishException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    internal sealed record DisasterModeRequest(bool? On);

    internal sealed record DisasterModeResponse(bool On, DateTimeOffset? SwitchedAt, Guid? DraftDeliveryId);
}
