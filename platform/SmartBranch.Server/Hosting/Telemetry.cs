using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmartBranch.Kernel.Networking;

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
        var configured = NetworkList.Read(app.Configuration.GetSection(AllowedNetworksKey));
        var allowed = configured.Count > 0 ? configured : DefaultAllowedNetworks.Select(System.Net.IPNetwork.Parse).ToList();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AddEndpointFilter(async (context, next) =>
            NetworkList.Contains(allowed, context.HttpContext.Connection.RemoteIpAddress) ? await next(context) : Results.NotFound());
    }
}
