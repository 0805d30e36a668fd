using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>The channel a simulation request is about: the one named by <c>channelId</c>, or the only one.</summary>
internal static class SimulationChannels
{
    public static ChannelState? Resolve(EmulatorState state, string? channelId, out IResult? error)
    {
        error = null;
        if (channelId is not null)
        {
            var found = state.FindChannel(channelId);
            error = found is null ? LineErrors.Error(StatusCodes.Status404NotFound, "Unknown channelId") : null;
            return found;
        }

        var channels = state.Channels;
        if (channels.Count == 1)
        {
            return channels.First();
        }

        error = LineErrors.Validation([new(
            channels.Count == 0 ? "The emulator has no channel" : "Required when the emulator has several channels",
            "channelId")]);
        return null;
    }
}
