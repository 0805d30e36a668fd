using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>Staff saving forms as versions and promoting surveys from staging to production, against a real database.</summary>
public abstract class SurveyEditingTests(SurveysBed fixture)
{
    [Fact]
    public async Task Each_save_of_the_form_is_a_new_version_and_earlier_versions_stay_as_they_were()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var now = DateTimeOffset.UtcNow;
        var changed = new SurveyForm([.. SurveyScenario.ParkForm.Items, new SurveyItem("age", SurveyItemKind.Number, "年齢", Min: 0, Max: 120)]);

        var (id, first, second, details) = await scenario.AsEditorAsync(async editor =>
        {
            var id = await editor.CreateAsync(new SurveySettings("版のテスト", null, now, now.AddDays(7), false, true, false), CancellationToken.None);
            var first = await editor.SaveFormAsync(id, SurveyScenario.ParkForm, CancellationToken.None);
            var second = await editor.SaveFormAsync(id, changed, CancellationToken.None);
            return (id, first, second, await editor.GetAsync(id, CancellationToken.None));
        });

        Assert.Equal((1, 2, 2), (first, second, details.FormVersion));
        Assert.Equal("age", details.Form!.Items[^1].Key);
        var versions = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) =>
            db.Set<SurveyFormVersion>().AsNoTracking().Where(v => v.SurveyId == id).OrderBy(v => v.Version).Select(v => v.FormJson).ToListAsync());
        Assert.Equal([SurveyFormJson.Serialize(SurveyScenario.ParkForm), SurveyFormJson.Serialize(changed)], versions);
        var audited = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == id.ToString() && e.Action == "surveys.form.saved").OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync());
        Assert.Contains("第 2 版", audited[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_problems_is_refused_with_each_problem_naming_its_item_and_nothing_is_stored()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var now = DateTimeOffset.UtcNow;
        var broken = new SurveyForm([new SurveyItem("q1", SurveyItemKind.SingleChoice, "好きな季節", Choices: [])]);

        var id = await scenario.AsEditorAsync(editor => editor.CreateAsync(new SurveySettings("誤りのある質問", null, now, now.AddDays(7), false, true, false), CancellationToken.None));
        var refused = await Assert.ThrowsAsync<SurveyRuleException>(() => scenario.AsEditorAsync(editor => editor.SaveFormAsync(id, broken, CancellationToken.None)));

        Assert.Equal("1 番目の項目「好きな季節」: 選択肢を 1 つ以上追加してください。", refused.Message);
        Assert.Equal(0, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyFormVersion>().CountAsync(v => v.SurveyId == id)));
    }

    [Fact]
    public async Task A_staging_survey_is_promoted_to_production_as_a_draft_with_its_settings_and_current_form_and_is_audited()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        // Whole seconds: the databases keep less than .NET's ticks.
        var opens = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        var settings = new SurveySettings($"本番へ {Guid.NewGuid():N}"[..12], "説明", opens, opens.AddDays(30), true, true, false);

        var (stagingId, productionId) = await scenario.AsEditorAsync(async editor =>
        {
            var id = await editor.CreateAsync(settings, CancellationToken.None);
            await editor.SaveFormAsync(id, SurveyScenario.ParkForm, CancellationToken.None);
            await editor.OpenAsync(id, CancellationToken.None);
            return (id, await editor.PromoteAsync(id, CancellationToken.None));
        });

        var production = LineTestBed.HirakawaProduction;
        var copy = await bed.InTenantAsync(production, (db, _) => db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == productionId));
        Assert.Equal((SurveyState.Draft, 1), (copy.State, copy.FormVersion));
        Assert.Equal(settings, copy.Settings);
        Assert.NotEqual(stagingId, productionId);
        var form = await bed.InTenantAsync(production, (db, _) => db.Set<SurveyFormVersion>().AsNoTracking().Where(v => v.SurveyId == productionId).Select(v => v.FormJson).SingleAsync());
        Assert.Equal(SurveyFormJson.Serialize(SurveyScenario.ParkForm), form);
        Assert.False(await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<Survey>().AnyAsync(s => s.Id == productionId)));

        var audited = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.AuditEntries
            .Where(e => e.TargetId == stagingId.ToString() && e.Action == "surveys.survey.promoted").Select(e => new { e.ActorUserId, e.Summary }).SingleAsync());
        Assert.Equal(SurveyScenario.Editor.UserId, audited.ActorUserId);
        Assert.Contains(productionId.ToString(), audited.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promotion_is_refused_outside_staging_without_a_saved_form_and_to_staff_who_may_only_view()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var now = DateTimeOffset.UtcNow;
        var id = await scenario.AsEditorAsync(editor => editor.CreateAsync(new SurveySettings("未保存", null, now, now.AddDays(7), false, true, false), CancellationToken.None));

        var noForm = await Assert.ThrowsAsync<SurveyRuleException>(() => scenario.AsEditorAsync(editor => editor.PromoteAsync(id, CancellationToken.None)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scenario.AsAsync(TestStaff.Member("viewer-2", SurveysPermissions.View), editor => editor.PromoteAsync(id, CancellationToken.None)));
        var fromProduction = await Assert.ThrowsAsync<SurveyRuleException>(() => new SurveyScenario(bed, LineTestBed.HirakawaProduction).AsEditorAsync(editor => editor.PromoteAsync(id, CancellationToken.None)));

        Assert.Contains("質問を保存してから", noForm.Message, StringComparison.Ordinal);
        Assert.Contains("ステージング環境のアンケートだけ", fromProduction.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteSurveyEditingTests(SqliteSurveysBed fixture) : SurveyEditingTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresSurveyEditingTests(PostgresSurveysBed fixture) : SurveyEditingTests(fixture), IClassFixture<PostgresSurveysBed>;
