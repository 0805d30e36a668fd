using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Benchmarks;

internal sealed record WebhookBenchmarkOptions(int Webhooks, int Concurrency, string? Postgres)
{
    public static WebhookBenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new WebhookBenchmarkOptions(
            int.Parse(Value("--webhooks") ?? "2000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency") ?? "32", System.Globalization.CultureInfo.InvariantCulture),
            Value("--postgres"));
    }
}

/// <summary>
/// How fast the server acknowledges LINE's webhooks under load (LINE gives about 2 s), and how fast
/// the welcome messages of that many new friends reach LINE, against the emulator enforcing
/// LINE's rate limits: the ceiling for replies is 2,000 requests per second per channel.
/// </summary>
internal static class WebhookBenchmark
{
    private const double ReplyCeilingPerSecond = 2000;

    public static async Task<int> RunAsync(WebhookBenchmarkOptions options)
    {
        await using var bench = await BenchmarkServer.CreateAsync(options.Postgres);
        using var sim = new HttpClient { BaseAddress = bench.Emulator.BaseUrl };
        await using var server = await bench.StartProcessAsync();

        Console.WriteLine($"Preparing {options.Webhooks} residents in the emulator…");
        var follows = await PrepareFollowsAsync(sim, options.Webhooks);

        using var http = new HttpClient { BaseAddress = server.Address };
        var latencies = new double[follows.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, follows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(SignedWebhook(follows[i]), ct);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                response.EnsureSuccessStatusCode();
            });
        var sendSeconds = clock.Elapsed.TotalSeconds;

        foreach (var follow in follows)
        {
            await WaitForWelcomeAsync(sim, follow.UserId);
        }

        var allSeconds = clock.Elapsed.TotalSeconds;
        Report(options, bench.Database.Provider, latencies, sendSeconds, allSeconds);
        return 0;
    }

    private static async Task<List<Follow>> PrepareFollowsAsync(HttpClient sim, int count)
    {
        var follows = new List<Follow>(count);
        for (var i = 0; i < count; i++)
        {
            var user = await (await sim.PostAsJsonAsync("/_sim/users", new { displayName = $"住民{i}" })).Content.ReadFromJsonAsync<JsonObject>();
            var userId = user!["userId"]!.GetValue<string>();
            // The emulator records the follow and issues a reply token; it posts no webhook (the
            // channel has no webhook URL), so that this program sends it and times the answer.
            var followed = await (await sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow" })).Content.ReadFromJsonAsync<JsonObject>();
            follows.Add(new Follow(userId, followed!["webhookEventId"]!.GetValue<string>(), followed["replyToken"]!.GetValue<string>()));
        }

        return follows;
    }

    private static HttpRequestMessage SignedWebhook(Follow follow)
    {
        var body = new JsonObject
        {
            ["destination"] = "U" + new string('0', 32),
            ["events"] = new JsonArray(new JsonObject
            {
                ["type"] = "follow",
                ["mode"] = "active",
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["source"] = new JsonObject { ["type"] = "user", ["userId"] = follow.UserId },
                ["webhookEventId"] = follow.WebhookEventId,
                ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
                ["replyToken"] = follow.ReplyToken,
                ["follow"] = new JsonObject { ["isUnblocked"] = false },
            }),
        }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/line/{BenchmarkServer.Tenant}/{BenchmarkServer.Environment}/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(LineWebhookSignature.HeaderName, LineWebhookSignature.Compute(BenchmarkServer.ChannelSecret, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static async Task WaitForWelcomeAsync(HttpClient sim, string userId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while ((await sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox"))!["messages"]!.AsArray().Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No welcome reached a resident within 5 minutes.");
            }

            await Task.Delay(20);
        }
    }

    private static void Report(WebhookBenchmarkOptions options, string provider, double[] latencies, double sendSeconds, double allSeconds)
    {
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var welcomesPerSecond = latencies.Length / allSeconds;
        Console.WriteLine($"""

            | database | webhooks | concurrency | ack p50 | ack p95 | ack p99 | ack max | webhooks/s | all welcomed after | welcomes/s | of LINE's reply ceiling |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | {provider} | {latencies.Length} | {options.Concurrency} | {Percentile(0.50):F1} ms | {Percentile(0.95):F1} ms | {Percentile(0.99):F1} ms | {latencies[^1]:F1} ms | {latencies.Length / sendSeconds:F0} | {allSeconds:F1} s | {welcomesPerSecond:F0} | {welcomesPerSecond / ReplyCeilingPerSecond:P1} |
            """);
    }

    private sealed record Follow(string UserId, string WebhookEventId, string ReplyToken);
}
