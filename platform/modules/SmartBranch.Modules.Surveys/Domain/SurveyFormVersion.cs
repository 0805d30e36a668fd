using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Domain;

/// <summary>One saved version of a survey's form, as JSON (<see cref="Forms.SurveyFormJson"/>). Never changed once saved.</summary>
public sealed class SurveyFormVersion : ITenantOwned
{
    private SurveyFormVersion()
    {
    }

    public Guid SurveyId { get; private init; }
    public int Version { get; private init; }
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string FormJson { get; private init; } = "";
    public DateTimeOffset SavedAt { get; private init; }

    public static SurveyFormVersion Save(Guid surveyId, int version, string formJson, DateTimeOffset now) =>
        new() { SurveyId = surveyId, Version = version, FormJson = formJson, SavedAt = now };
}
