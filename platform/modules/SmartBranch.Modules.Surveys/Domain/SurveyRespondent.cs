using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Modules.Surveys.Domain;

/// <summary>
/// "This resident has answered this one-answer survey", kept apart from the answer: a salted hash of the LINE user id
/// (<see cref="Survey.RespondentSalt"/>) and nothing else — no answer id and no time — so that even an anonymous
/// survey refuses a second answer, yet its answers cannot be traced back to a resident. Its key makes two answers
/// sent at once fail on the database, not on a check that races.
/// </summary>
public sealed class SurveyRespondent
{
    private SurveyRespondent()
    {
    }

    public Guid SurveyId { get; private init; }
    public string RespondentHash { get; private init; } = "";

    public static SurveyRespondent For(Survey survey, string lineUserId) => new() { SurveyId = survey.Id, RespondentHash = Hash(survey, lineUserId) };

    public static string Hash(Survey survey, string lineUserId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(survey.RespondentSalt, Encoding.UTF8.GetBytes(lineUserId)));
}
