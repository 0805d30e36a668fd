using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>An answer keeps the respondent's coarse segment attributes, for cross-tabulation, even when anonymous.</summary>
public abstract class SurveySegmentSnapshotTests(SurveysBed fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_answer_keeps_the_district_age_band_and_language_the_resident_registered_but_not_their_topics(bool anonymous)
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("属性の記録", anonymous: anonymous);
        var resident = await scenario.FriendAsync();
        await bed.InTenantAsync(SurveyScenario.Channel, async (db, _) =>
        {
            var residentId = await db.Set<Resident>().Where(r => r.LineUserId == resident).Select(r => r.Id).SingleAsync();
            db.AddRange(
                new ResidentAttributeValue(residentId, "area", "onoe"),
                new ResidentAttributeValue(residentId, "age", "30s"),
                new ResidentAttributeValue(residentId, "topic", "disaster"),
                new ResidentAttributeValue(residentId, "topic", "childcare"));
            return await db.SaveChangesAsync();
        });
        using var browser = new Browser(bed.App.Address);

        var confirmation = await SurveyScenario.PostAsync(browser, await scenario.OpenAsync(browser, resident, surveyId), ("q-uses", "yes"), ("step", "confirm"));
        await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));

        var stored = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == surveyId));
        Assert.Equal(new Dictionary<string, string> { ["age"] = "30s", ["area"] = "onoe" }, SurveySegmentsJson.Parse(stored.SegmentsJson));
        Assert.Equal(anonymous, stored.LineUserId is null);
    }
}

public sealed class SqliteSurveySegmentSnapshotTests(SqliteSurveysBed fixture) : SurveySegmentSnapshotTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresSurveySegmentSnapshotTests(PostgresSurveysBed fixture) : SurveySegmentSnapshotTests(fixture), IClassFixture<PostgresSurveysBed>;
