using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Hosting;

/// <summary><c>Authorization: Bearer &lt;channel access token&gt;</c> identifies the channel; otherwise 401 with LINE's body.</summary>
internal sealed class ChannelAuthFilter(EmulatorState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            return LineErrors.Unauthorized(headerMissing: true);
        }

        var channel = state.FindChannelByToken(header[scheme.Length..].Trim());
        if (channel is null)
        {
            return LineErrors.Unauthorized(headerMissing: false);
        }

        context.HttpContext.SetChannel(channel);
        return await next(context);
    }
}
