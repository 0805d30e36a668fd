using System.Security.Cryptography;
using System.Text;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.TrainingReset;

/// <summary>
/// Twenty demo residents who follow the staging account and registered preferences spread over the environment's own
/// segment catalogue (every district, several topics and age groups), so that a segment send in a training session
/// reaches someone. They are created as a follow and a saved preference would create them, through
/// <see cref="ResidentPreferences"/>; their LINE user ids depend only on the tenant environment, so a second reset
/// makes the same residents.
/// </summary>
internal sealed class StagingDemoResidents(
    SmartBranchDbContext db, ResidentPreferences preferences, ICurrentTenant currentTenant, TimeProvider clock) : IStagingDemoResidents
{
    /// <summary>Each demo resident's name (shown with （デモ）, so that trainees tell them from the residents they make) and LINE language.</summary>
    private static readonly (string Name, string Language)[] People =
    [
        ("佐藤 花子", "ja"), ("鈴木 一郎", "ja"), ("高橋 美咲", "ja"), ("田中 健太", "ja"), ("伊藤 さくら", "en"),
        ("渡辺 翔", "ja"), ("山本 陽子", "ja"), ("中村 大輔", "ja"), ("小林 結衣", "ja"), ("加藤 浩", "zh"),
        ("吉田 由美", "ja"), ("山田 拓也", "ja"), ("佐々木 恵", "ja"), ("山口 誠", "ja"), ("松本 愛", "ko"),
        ("井上 和夫", "ja"), ("木村 千尋", "ja"), ("林 雄太", "ja"), ("斎藤 久美子", "ja"), ("清水 蓮", "en"),
    ];

    public async Task<IReadOnlyList<string>> CreateAsync(CancellationToken cancellationToken)
    {
        var catalog = await preferences.LoadCatalogAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var residents = People.Select((person, index) =>
        {
            var resident = Resident.Follow(LineUserIdOf(index), now);
            resident.UpdateProfile($"{person.Name}（デモ）", person.Language, now);
            return resident;
        }).ToList();
        db.AddRange(residents);
        await db.SaveChangesAsync(cancellationToken);

        if (catalog.Consent is { } consent)
        {
            for (var index = 0; index < residents.Count; index++)
            {
                await preferences.SaveAsync(residents[index], ChoicesOf(catalog, index, People[index].Language), consent.Version, cancellationToken);
            }
        }

        return [.. residents.Select(r => r.LineUserId)];
    }

    /// <summary>
    /// Resident <paramref name="index"/>'s choices: each single-choice attribute is walked with an offset of its own
    /// (so districts and age groups combine differently), each multiple-choice one gets two values, and an attribute
    /// of languages gets the resident's own.
    /// </summary>
    private static PreferenceChoices ChoicesOf(SegmentCatalogDefinition catalog, int index, string language)
    {
        var choices = new Dictionary<string, IReadOnlyList<string>>();
        for (var position = 0; position < catalog.Attributes.Count; position++)
        {
            var attribute = catalog.Attributes[position];
            var values = attribute.Values.Select(v => v.Key).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            choices[attribute.Key] = values.Contains(language)
                ? [language]
                : attribute.MultipleChoice
                    ? [.. new[] { values[index % values.Count], values[(index * 3 + 1) % values.Count] }.Distinct(StringComparer.Ordinal)]
                    : [values[(index + position) % values.Count]];
        }

        return new PreferenceChoices(choices);
    }

    private string LineUserIdOf(int index)
    {
        var environment = currentTenant.Required;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{environment.TenantSlug}/{environment.EnvironmentName}/demo-resident/{index}"));
        return "U" + Convert.ToHexStringLower(hash)[..32];
    }
}
