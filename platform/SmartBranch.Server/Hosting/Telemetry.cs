using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces. Metrics: ASP.NET Core (the webhook's latency and status codes
/// by route), outgoing HTTP, the runtime, and our own meters (<c>SmartBranch*</c>: LINE API calls by
/// endpoint and status, backlogs), scraped by Prometheus at <c>/metrics</c> from the networks in
/// <c>Metrics:AllowedNetworks</c> only. Traces leave the process only when an OTLP endpoint is
/// configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Outgoing HTTP is not traced: the URL of a LINE
/// profile request carries the resident's user id.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    private const string AllowedNetworksKey = "Metrics:AllowedNetworks";

    // Loopback and private networks: the load balancer's health checks and a Prometheus inside the VPC.
    private static readonly string[] DefaultAllowedNetworks = ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

    public static WebApplicationBuilder AddSmartBranchTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("smartbranch", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("SmartBranch*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddSource("MassTransit")
                .AddSource("SmartBranch*"));
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static void MapSmartBranchMetrics(this WebApplication app)
    {
        var allowed = AllowedNetworks(app.Configuration);
        app.MapPrometheusScrapingEndpoint(MetricsPath).AddEndpointFilter(async (context, next) =>
        {
            var address = context.HttpContext.Connection.RemoteIpAddress;
            var normalized = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
            return normalized is not null && allowed.Any(network => network.Contains(normalized))
                ? await next(context)
                : Results.NotFound();
        });
    }

    private static List<IPNetwork> AllowedNetworks(IConfiguration configuration)
    {
        var section = configuration.GetSection(AllowedNetworksKey);
        var entries = section.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        return (entries.Length > 0 ? entries : DefaultAllowedNetworks)
            .Select(entry => IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"{AllowedNetworksKey}: '{entry}' is not a CIDR network."))
            .ToList();
    }
}
