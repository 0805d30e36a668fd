using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Server.Incidents;

namespace SmartBranch.IntegrationTests.Operations.Incidents;

/// <summary>The real server counts what the webhook and error-rate rules read: webhook refusals per tenant environment, and every answer.</summary>
public sealed class RequestOutcomeCountingTests
{
    [Fact]
    public async Task A_webhook_with_a_bad_signature_is_counted_for_its_environment_and_health_checks_are_not_counted()
    {
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, roles: "Web");
        var counter = bed.App.Services.GetRequiredService<RequestOutcomeCounter>();
        counter.Drain();

        var refused = await bed.PostWebhookAsync(LineTestBed.HirakawaStaging, WebhookBodies.Callback(), signature: "not-a-signature");
        await bed.Server.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var counts = counter.Drain();
        Assert.Equal(1, counts.Where(c => c.Outcome == RequestOutcome.Answered).Sum(c => c.Count));
        var rejected = Assert.Single(counts, c => c.Outcome == RequestOutcome.WebhookSignatureRejected);
        Assert.Equal(("hirakawa", "staging", 1), (rejected.TenantSlug, rejected.EnvironmentName, rejected.Count));
        Assert.DoesNotContain(counts, c => c.Outcome == RequestOutcome.ServerError);
    }
}
