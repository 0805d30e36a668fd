using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartBranch.TestSupport.Stripe;

/// <summary>
/// Stripe's API as far as our gateway uses it, on a free loopback port: creating and reading Checkout Sessions and
/// creating refunds, in Stripe's JSON shapes, answering a repeated <c>Idempotency-Key</c> with the first answer (as
/// Stripe does, marked <c>Idempotent-Replayed</c>). It completes a session as a payer would, by posting
/// <c>checkout.session.completed</c> signed with the endpoint's secret in <c>Stripe-Signature: t=…,v1=…</c>.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    /// <summary>The API version Stripe.net 53.1.0 expects in events (its <c>ApiVersion.Current</c>).</summary>
    public const string ApiVersion = "2026-10-28.endive";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new();
    private readonly Dictionary<string, (int Status, string Body)> _idempotentAnswers = [];
    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly HttpClient _webhookClient = new();
    private int _counter;

    private StripeStandIn(WebApplication app, string secretKey)
    {
        _app = app;
        SecretKey = secretKey;
    }

    public string SecretKey { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What refunds answer: <c>pending</c> (their outcome comes by event) unless set.</summary>
    public string RefundStatus { get; set; } = "pending";

    /// <summary>Every API request received, in order, with its form fields.</summary>
    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    public static async Task<StripeStandIn> StartAsync(string secretKey = "sk_test_standin")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app, secretKey);
        app.MapPost("/v1/checkout/sessions", (Func<HttpContext, Task<IResult>>)standIn.CreateSessionAsync);
        app.MapGet("/v1/checkout/sessions/{id}", (string id, HttpContext http) => standIn.RetrieveSession(id, http));
        app.MapPost("/v1/refunds", (Func<HttpContext, Task<IResult>>)standIn.CreateRefundAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address);
        return standIn;
    }

    public IReadOnlyList<JsonObject> Sessions => [.. _sessions.Values];

    public JsonObject Session(string id) => _sessions[id];

    public JsonObject Refund(string id) => _refunds[id];

    /// <summary>The payer paid the session: posts <c>checkout.session.completed</c> to <paramref name="webhookUrl"/>.</summary>
    /// <param name="amountTotal">What the event says was paid; the session's own amount unless given (a mismatch).</param>
    public Task<HttpResponseMessage> CompleteAsync(string sessionId, Uri webhookUrl, string webhookSecret, long? amountTotal = null)
    {
        var stored = _sessions[sessionId];
        stored["status"] = "complete";
        stored["payment_status"] = "paid";
        stored["payment_intent"] = $"pi_{sessionId}";
        var session = (JsonObject)stored.DeepClone();
        if (amountTotal is { } amount)
        {
            session["amount_total"] = amount;
        }

        var signed = Sign(Event("checkout.session.completed", session), webhookSecret, DateTimeOffset.UtcNow);
        return PostAsync(webhookUrl, signed);
    }

    /// <summary>An event of <paramref name="type"/> about <paramref name="dataObject"/>, as Stripe would send it, unsigned.</summary>
    public string Event(string type, JsonObject dataObject) => new JsonObject
    {
        ["id"] = $"evt_{Next()}",
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    /// <summary>A refund's outcome event (<c>refund.updated</c> with the final status).</summary>
    public string RefundEvent(JsonObject refund, string status)
    {
        var updated = (JsonObject)refund.DeepClone();
        updated["status"] = status;
        return Event(status == "failed" ? "refund.failed" : "refund.updated", updated);
    }

    /// <summary>The payload with its <c>Stripe-Signature</c> as Stripe computes it, at <paramref name="at"/>.</summary>
    public static SignedStripeEvent Sign(string payload, string webhookSecret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return new SignedStripeEvent(payload, $"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }

    /// <summary>Posts an event as Stripe does; <paramref name="stripeEvent"/>'s header is left out when null.</summary>
    public Task<HttpResponseMessage> PostAsync(Uri webhookUrl, SignedStripeEvent stripeEvent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(stripeEvent.Payload, Encoding.UTF8, "application/json") };
        if (stripeEvent.Signature is not null)
        {
            request.Headers.Add("Stripe-Signature", stripeEvent.Signature);
        }

        return _webhookClient.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task<IResult> CreateSessionAsync(HttpContext http) => IdempotentAsync(http, "/v1/checkout/sessions", form =>
    {
        var lines = Indexed(form, "line_items").ToList();
        var id = $"cs_test_{Next()}";
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form["mode"],
            ["currency"] = form["currency"],
            ["amount_total"] = lines.Sum(l => long.Parse(l["[price_data][unit_amount]"], CultureInfo.InvariantCulture) * long.Parse(l["[quantity]"], CultureInfo.InvariantCulture)),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["metadata"] = Metadata(form, "metadata"),
            ["payment_method_types"] = new JsonArray(Indexed(form, "allowed_payment_method_types").Select(m => (JsonNode)JsonValue.Create(m[""])!).ToArray()),
            ["expires_at"] = long.Parse(form["expires_at"], CultureInfo.InvariantCulture),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["payment_intent"] = null,
            ["livemode"] = false,
            ["url"] = new Uri(BaseUrl, $"/pay/{id}").AbsoluteUri,
        };
        _sessions[id] = session;
        return session;
    });

    private IResult RetrieveSession(string id, HttpContext http) =>
        !Authorized(http) ? Error(401, "invalid_api_key")
        : _sessions.TryGetValue(id, out var session) ? Results.Content(session.ToJsonString(), "application/json")
        : Error(404, "resource_missing");

    private Task<IResult> CreateRefundAsync(HttpContext http) => IdempotentAsync(http, "/v1/refunds", form =>
    {
        var paymentIntent = form["payment_intent"];
        var session = _sessions.Values.FirstOrDefault(s => s["payment_intent"]?.GetValue<string>() == paymentIntent);
        var id = $"re_{Next()}";
        return _refunds[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "refund",
            ["amount"] = form.TryGetValue("amount", out var amount) ? long.Parse(amount, CultureInfo.InvariantCulture) : session?["amount_total"]?.GetValue<long>(),
            ["currency"] = "jpy",
            ["payment_intent"] = paymentIntent,
            ["reason"] = form.GetValueOrDefault("reason"),
            ["metadata"] = Metadata(form, "metadata"),
            ["status"] = RefundStatus,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
    });

    private async Task<IResult> IdempotentAsync(HttpContext http, string path, Func<Dictionary<string, string>, JsonObject> create)
    {
        if (!Authorized(http))
        {
            return Error(401, "invalid_api_key");
        }

        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        _requests.Enqueue(new StripeRequest(path, key, form));
        string body;
        lock (_idempotentAnswers)
        {
            // One answer per key, even to two requests at the same moment.
            if (key.Length > 0 && _idempotentAnswers.TryGetValue($"{path} {key}", out var earlier))
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(earlier.Body, "application/json", statusCode: earlier.Status);
            }

            body = create(form).ToJsonString();
            if (key.Length > 0)
            {
                _idempotentAnswers[$"{path} {key}"] = (200, body);
            }
        }

        return Results.Content(body, "application/json");
    }

    private bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bearer {SecretKey}";

    private static IResult Error(int status, string code) =>
        Results.Content(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["type"] = "invalid_request_error", ["message"] = code } }.ToJsonString(),
            "application/json", statusCode: status);

    /// <summary>Stripe's form arrays (<c>name[0][field]…</c>) as one dictionary per index, keyed by the rest of the name.</summary>
    private static IEnumerable<Dictionary<string, string>> Indexed(Dictionary<string, string> form, string name) =>
        form.Where(f => f.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .Select(f => (Tail: f.Key[(name.Length + 1)..], f.Value))
            .Select(f => (Index: int.Parse(f.Tail[..f.Tail.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture),
                Field: f.Tail[(f.Tail.IndexOf(']', StringComparison.Ordinal) + 1)..], f.Value))
            .GroupBy(f => f.Index)
            .OrderBy(g => g.Key)
            .Select(g => g.ToDictionary(f => f.Field, f => f.Value));

    private static JsonObject Metadata(Dictionary<string, string> form, string name) =>
        new(form.Where(f => f.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .Select(f => KeyValuePair.Create(f.Key[(name.Length + 1)..^1], (JsonNode?)JsonValue.Create(f.Value))));

    private int Next() => Interlocked.Increment(ref _counter);
}

/// <param name="Signature">The <c>Stripe-Signature</c> header; null to send none.</param>
public sealed record SignedStripeEvent(string Payload, string? Signature);

public sealed record StripeRequest(string Path, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
