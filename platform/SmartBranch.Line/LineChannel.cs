namespace SmartBranch.Line;

/// <summary>
/// One Messaging API channel as the client needs it: who it is (the rate-limit key), the token it
/// authenticates with and where LINE's two API hosts are (real LINE or the emulator).
/// </summary>
public sealed record LineChannel(string ChannelId, string ChannelAccessToken, Uri ApiBaseUrl, Uri DataApiBaseUrl)
{
    public static readonly Uri LineApiBaseUrl = new("https://api.line.me");
    public static readonly Uri LineDataApiBaseUrl = new("https://api-data.line.me");

    public override string ToString() => $"LineChannel {{ ChannelId = {ChannelId}, ApiBaseUrl = {ApiBaseUrl} }}";
}
