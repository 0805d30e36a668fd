using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.Messaging;
using SmartBranch.LineEmulator.RichMenus;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>What a user's LINE app shows of a channel, for the resident simulator: the channels, the rich menu a
/// user sees, its image and the content users sent. Not part of LINE; no authentication, no secrets.</summary>
internal static class ChannelViewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapGet("/channels", (EmulatorState state) => LineErrors.Ok(new
        {
            channels = state.Channels.OrderBy(c => c.ChannelId, StringComparer.Ordinal).Select(c => new
            {
                channelId = c.ChannelId,
                botDisplayName = c.Config.BotDisplayName,
                botUserId = c.Config.BotUserId,
                webhookUrl = c.Config.WebhookUrl,
            }),
        }));
        sim.MapGet("/channels/{channelId}/content/{messageId}", (EmulatorState state, string channelId, string messageId) =>
            state.FindChannel(channelId) is { } channel ? AccountEndpoints.ContentOf(channel, state, messageId) : LineErrors.NotFoundError());
        sim.MapGet("/channels/{channelId}/richmenus/{richMenuId}/image", (EmulatorState state, string channelId, string richMenuId) =>
            state.FindChannel(channelId) is { } channel ? RichMenuEndpoints.ImageOf(channel, richMenuId) : LineErrors.NotFoundError());
        sim.MapGet("/users/{userId}/richmenu", RichMenuOfUser);
    }

    /// <summary>The rich menu the user sees on the channel (<c>?channelId=</c>, optional with one channel): the rich
    /// menu object, whether it is linked to the user or the default, and where its image is.</summary>
    private static IResult RichMenuOfUser(EmulatorState state, string userId, string? channelId)
    {
        if (!state.Users.ContainsKey(userId))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");
        }

        var channel = SimulationChannels.Resolve(state, channelId, out var error);
        if (channel is null)
        {
            return error!;
        }

        if (channel.RichMenus.EffectiveMenuFor(userId) is not { } effective)
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "The user has no rich menu");
        }

        return LineErrors.Ok(new
        {
            source = effective.LinkedToUser ? "user" : "default",
            richMenu = effective.Menu.ToJson(),
            imageUrl = $"/_sim/channels/{Uri.EscapeDataString(channel.ChannelId)}/richmenus/{effective.Menu.Id}/image",
        });
    }
}
