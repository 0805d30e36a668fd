using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.TrainingReset;

/// <summary>
/// Makes the demo residents friends of a staging channel in the LINE emulator (its
/// <c>POST /_sim/channels/{channelId}/friends</c>, which is not part of LINE), so that a send to them is received
/// in the resident simulator. Adding a friend twice changes nothing there.
/// </summary>
internal sealed partial class EmulatorFriends(IHttpClientFactory httpClients, ILogger<EmulatorFriends> logger)
{
    public const string HttpClientName = "SmartBranch.EmulatorFriends";

    /// <returns>Whether the emulator took them; a failure is logged and leaves the reset done.</returns>
    public async Task<bool> AddAsync(TenantLineSettings line, IReadOnlyList<string> lineUserIds, CancellationToken cancellationToken)
    {
        if (lineUserIds.Count == 0)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(line.ChannelId))
        {
            LogNoChannelId(logger);
            return false;
        }

        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(
                new Uri(line.ApiBaseUrl, $"/_sim/channels/{Uri.EscapeDataString(line.ChannelId)}/friends"), new { userIds = lineUserIds }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, line.ChannelId, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, line.ChannelId, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The staging channel has no channel id; the demo residents are not friends in the emulator.")]
    private static partial void LogNoChannelId(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The emulator refused the demo residents as friends of channel {ChannelId} ({StatusCode}).")]
    private static partial void LogRefused(ILogger logger, string channelId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The emulator could not be reached to add the demo residents to channel {ChannelId}.")]
    private static partial void LogUnreachable(ILogger logger, string channelId, Exception exception);
}
