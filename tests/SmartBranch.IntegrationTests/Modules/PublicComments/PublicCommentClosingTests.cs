using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Surveys;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Modules.Surveys.PublicComments.Closing;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.IntegrationTests.Modules.PublicComments;

/// <summary>Cases close by themselves at the end of their period, once, however many workers run.</summary>
public abstract class PublicCommentClosingTests(SurveysBed fixture)
{
    [Fact]
    public async Task A_case_past_its_period_is_closed_once_by_two_workers_at_once_and_a_case_still_running_stays_open()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var ending = await scenario.OpenCaseAsync("除雪計画（案）");
        var running = await scenario.AsEditorAsync(async desk =>
        {
            var id = await desk.CreateAsync(
                PublicCommentScenario.Settings("公共施設の再編（案）", DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClosesAt = DateTimeOffset.UtcNow.AddDays(60) },
                CancellationToken.None);
            await desk.OpenAsync(id, CancellationToken.None);
            return id;
        });
        var ends = (await scenario.AsEditorAsync(desk => desk.GetAsync(ending, CancellationToken.None))).Settings.ClosesAt;
        var clock = new MovableClock();
        clock.SetUtcNow(ends.AddMinutes(1));
        var scopes = bed.App.Services.GetRequiredService<IServiceScopeFactory>();
        var (first, second) = (Closer(scopes, clock), Closer(scopes, clock));

        var closed = await Task.WhenAll(RunAsync(first), RunAsync(second));

        Assert.Equal(1, closed.Sum());
        Assert.Equal(0, await RunAsync(first));
        var states = await scenario.AsEditorAsync(desk => desk.ListAsync(CancellationToken.None));
        Assert.Equal(PublicCommentState.Closed, states.Single(c => c.Id == ending).State);
        Assert.Equal(PublicCommentState.Open, states.Single(c => c.Id == running).State);

        // Staff go straight on to the result: nothing is left to close.
        await scenario.AsEditorAsync(async desk =>
        {
            await desk.SaveResultAsync(ending, "除雪についてのご意見が 0 件でした。", null, CancellationToken.None);
            return true;
        });
    }

    private static PublicCommentCloser Closer(IServiceScopeFactory scopes, TimeProvider clock) => new(scopes, clock, NullLogger<PublicCommentCloser>.Instance);

    private static Task<int> RunAsync(PollingWorker worker) => worker.RunOnceAsync(CancellationToken.None);
}

public sealed class SqlitePublicCommentClosingTests(SqliteSurveysBed fixture) : PublicCommentClosingTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresPublicCommentClosingTests(PostgresSurveysBed fixture) : PublicCommentClosingTests(fixture), IClassFixture<PostgresSurveysBed>;
