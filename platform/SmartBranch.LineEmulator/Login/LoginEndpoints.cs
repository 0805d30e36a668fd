using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Login;

/// <summary>LINE Login's ID token verification and keys, plus a simulation endpoint that issues a LIFF ID token
/// (<c>{"clientId": "…"}</c> or <c>{"liffId": "…"}</c>, optional <c>nonce</c>).</summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/oauth2/v2.1/verify", Verify);
        app.MapGet("/oauth2/v2.1/certs", (IdTokenIssuer issuer) => LineErrors.Ok(issuer.Jwks()));
        app.MapPost("/_sim/users/{userId}/id-token", IssueForUser);
    }

    /// <summary>Form fields id_token, client_id, optional nonce and user_id; 400 with
    /// <c>{"error":"invalid_request","error_description":"..."}</c> (https://developers.line.biz/en/reference/line-login/#verify-id-token).</summary>
    private static async Task<IResult> Verify(HttpContext http, IdTokenIssuer issuer)
    {
        if (!http.Request.HasFormContentType)
        {
            return LoginError("Required id_token");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var idToken = form["id_token"].ToString();
        var clientId = form["client_id"].ToString();
        if (string.IsNullOrEmpty(idToken))
        {
            return LoginError("Required id_token");
        }

        if (string.IsNullOrEmpty(clientId))
        {
            return LoginError("Required client_id");
        }

        var nonce = form.TryGetValue("nonce", out var n) ? n.ToString() : null;
        var userId = form.TryGetValue("user_id", out var u) ? u.ToString() : null;
        var (payload, error) = await issuer.VerifyAsync(idToken, clientId, nonce, userId);
        return payload is null ? LoginError(error!) : Results.Text(payload, "application/json");
    }

    private static async Task<IResult> IssueForUser(HttpContext http, EmulatorState state, IdTokenIssuer issuer, string userId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        if (!state.Users.TryGetValue(userId, out var user))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");
        }

        // A LIFF app's tokens are for the channel that holds it, as LINE's are for the app's LINE Login channel.
        var clientId = body.GetString("clientId");
        if (body.GetString("liffId") is { } liffId)
        {
            if (state.FindLiffApp(liffId) is not { } found)
            {
                return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown LIFF app");
            }

            clientId = found.Channel.ChannelId;
        }

        if (string.IsNullOrEmpty(clientId))
        {
            return LineErrors.Validation([new("The LINE Login (LIFF) channel id, or a LIFF id, is required", "clientId")]);
        }

        return LineErrors.Ok(new JsonObject { ["idToken"] = issuer.Issue(user, clientId, body.GetString("nonce")) });
    }

    private static IResult LoginError(string description) =>
        Results.Json(new { error = "invalid_request", error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
