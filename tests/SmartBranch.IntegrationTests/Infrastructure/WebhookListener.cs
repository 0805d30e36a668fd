using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>A local HTTP server standing in for Slack's and Teams' incoming webhooks: it keeps every JSON body posted to it.</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, JsonObject Body)> _received = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    private WebhookListener(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            if (listener._failuresLeft.TryGetValue(name, out var left) && left > 0)
            {
                listener._failuresLeft[name] = left - 1;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var body = await JsonNode.ParseAsync(request.Body);
            listener._received.Enqueue((name, body!.AsObject()));
            return Results.Ok();
        });
        await app.StartAsync();
        return listener;
    }

    public Uri Url(string name) => new(BaseUrl, name);

    /// <summary>The next <paramref name="count"/> posts to <paramref name="name"/> get 503, as a chat service having a bad moment.</summary>
    public void FailNext(string name, int count) => _failuresLeft[name] = count;

    public IReadOnlyList<JsonObject> ReceivedAt(string name) => _received.Where(r => r.Path == name).Select(r => r.Body).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
