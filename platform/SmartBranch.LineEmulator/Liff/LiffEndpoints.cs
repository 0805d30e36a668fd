using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Liff;

/// <summary>The LIFF server API (https://developers.line.biz/en/reference/liff-server/), authenticated with the
/// channel access token, and the simulator's resolution of LIFF URLs to the pages they open.</summary>
internal static class LiffEndpoints
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string AppNotFound = "The LIFF app does not exist on this channel";

    public static void Map(RouteGroupBuilder apps)
    {
        apps.MapPost("", Add);
        apps.MapGet("", (HttpContext http) => http.Channel().LiffApps.IsEmpty
            ? LineErrors.Error(StatusCodes.Status404NotFound, "There is no LIFF app on the channel")
            : LineErrors.Ok(new { apps = http.Channel().LiffApps.Values.OrderBy(a => a.LiffId, StringComparer.Ordinal).Select(a => a.ToJson()) }));
        apps.MapPut("/{liffId}", Update);
        apps.MapDelete("/{liffId}", (HttpContext http, string liffId) => http.Channel().LiffApps.TryRemove(liffId, out _)
            ? Results.Ok()
            : LineErrors.Error(StatusCodes.Status404NotFound, AppNotFound));
    }

    /// <summary><c>GET /_sim/liff/resolve?url=https://liff.line.me/{liffId}/…</c>: the page a LIFF URL opens.</summary>
    public static void MapSimulation(IEndpointRouteBuilder app) => app.MapGet("/_sim/liff/resolve", (EmulatorState state, string? url) =>
    {
        if (LiffUrl.Parse(url) is not { } liffUrl)
        {
            return LineErrors.Validation([new("Must be a LIFF URL (https://liff.line.me/{liffId}/...)", "url")]);
        }

        if (state.FindLiffApp(liffUrl.LiffId) is not { } found)
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown LIFF app");
        }

        return LineErrors.Ok(new
        {
            liffId = found.App.LiffId,
            channelId = found.Channel.ChannelId,
            viewType = found.App.ViewType,
            url = LiffUrl.Resolve(found.App.EndpointUrl, liffUrl.Path, liffUrl.Query),
        });
    });

    private static async Task<IResult> Add(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = LiffAppRules.Validate(body, isUpdate: false);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        var channel = http.Channel();
        if (channel.LiffApps.Count >= LiffAppRules.MaxPerChannel)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, $"The maximum number of LIFF apps ({LiffAppRules.MaxPerChannel}) has been reached");
        }

        // LINE's LIFF ids are "{channel id}-{8 characters}".
        var liffId = $"{channel.ChannelId}-{RandomNumberGenerator.GetString(IdAlphabet, 8)}";
        channel.LiffApps[liffId] = new LiffApp(liffId, LiffAppRules.WithDefaults(body));
        return LineErrors.Ok(new { liffId });
    }

    private static async Task<IResult> Update(HttpContext http, string liffId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = LiffAppRules.Validate(body, isUpdate: true);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        var apps = http.Channel().LiffApps;
        if (!apps.TryGetValue(liffId, out var app))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, AppNotFound);
        }

        apps[liffId] = app.With(body);
        return Results.Ok();
    }
}
