using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.PublicComments.Domain;

public enum PublicCommentState
{
    /// <summary>Being written; residents cannot see it.</summary>
    Draft,

    /// <summary>Announced: residents read it, and send opinions between <see cref="PublicCommentCase.OpensAt"/> and <see cref="PublicCommentCase.ClosesAt"/>.</summary>
    Open,

    /// <summary>Closed by staff; opinions are no longer taken and the result is being written.</summary>
    Closed,

    /// <summary>The summary of opinions and the city's response are public and were sent to the participants.</summary>
    Published,
}

/// <summary>
/// A public comment case (パブリックコメント): a draft plan put to residents for a period, the identity fields an opinion
/// must carry, and, after the period, the summary of opinions and the city's response (意見の概要と市の考え方).
/// Times are stored in UTC.
/// </summary>
public sealed class PublicCommentCase : ITenantOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxDepartmentLength = 100;
    public const int MaxDescriptionLength = 4000;
    public const int MaxResultLength = 20_000;

    /// <summary>The period a case commonly runs for (行政手続法 asks for 30 days or more).</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    private PublicCommentCase()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string Title { get; private set; } = "";
    public string Department { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>The identity fields every opinion must carry, in form order (stored as their names, comma-separated).</summary>
    public IReadOnlyList<PublicCommentIdentityField> IdentityFields { get; private set; } = [];

    public PublicCommentState State { get; private set; }

    /// <summary>意見の概要: what the opinions said, without who said it.</summary>
    public string? OpinionSummary { get; private set; }

    /// <summary>市の考え方: the city's response to them.</summary>
    public string? CityResponse { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static PublicCommentCase Create(PublicCommentSettings settings, DateTimeOffset now)
    {
        var @case = new PublicCommentCase { CreatedAt = now, State = PublicCommentState.Draft };
        @case.Change(settings, now);
        return @case;
    }

    /// <exception cref="PublicCommentRuleException">Settings that make no sense, or that the case's state no longer allows.</exception>
    public void Change(PublicCommentSettings settings, DateTimeOffset now)
    {
        var errors = PublicCommentRules.CheckSettings(settings);
        if (errors.Count > 0)
        {
            throw new PublicCommentRuleException(string.Join("\n", errors));
        }

        if (State is PublicCommentState.Closed or PublicCommentState.Published)
        {
            throw new PublicCommentRuleException("締め切った案件の内容は変えられません。");
        }

        if (State == PublicCommentState.Open && !settings.IdentityFields.SequenceEqual(IdentityFields))
        {
            throw new PublicCommentRuleException("募集を始めた後は、意見に添える項目（氏名・住所など）は変えられません（意見によって項目が違ってしまうため）。");
        }

        Title = settings.Title.Trim();
        Department = settings.Department.Trim();
        Description = string.IsNullOrWhiteSpace(settings.Description) ? null : settings.Description.Trim();
        OpensAt = settings.OpensAt.ToUniversalTime();
        ClosesAt = settings.ClosesAt.ToUniversalTime();
        IdentityFields = settings.IdentityFields.Distinct().ToList();
        UpdatedAt = now;
    }

    /// <exception cref="PublicCommentRuleException">Not a draft, or its end has passed.</exception>
    public void Open(DateTimeOffset now)
    {
        if (State != PublicCommentState.Draft)
        {
            throw new PublicCommentRuleException("募集を始められるのは下書きの案件だけです。");
        }

        if (ClosesAt <= now)
        {
            throw new PublicCommentRuleException("募集の締め切り日時が過ぎています。期間を直してから募集を始めてください。");
        }

        State = PublicCommentState.Open;
        UpdatedAt = now;
    }

    /// <summary>Ends the taking of opinions: at the end of the period, or early (the period then ends now).</summary>
    /// <exception cref="PublicCommentRuleException">Not open.</exception>
    public void Close(DateTimeOffset now)
    {
        if (State != PublicCommentState.Open)
        {
            throw new PublicCommentRuleException("締め切れるのは募集中の案件だけです。");
        }

        State = PublicCommentState.Closed;
        if (ClosesAt > now)
        {
            ClosesAt = now;
        }

        UpdatedAt = now;
    }

    /// <summary>Keeps the result being written, without publishing it.</summary>
    /// <exception cref="PublicCommentRuleException">Not closed, or a result that is too long.</exception>
    public void WriteResult(string? opinionSummary, string? cityResponse, DateTimeOffset now)
    {
        if (State != PublicCommentState.Closed)
        {
            throw new PublicCommentRuleException("結果を書けるのは、締め切った（まだ公表していない）案件だけです。");
        }

        var errors = PublicCommentRules.CheckResult(opinionSummary, cityResponse, requireBoth: false);
        if (errors.Count > 0)
        {
            throw new PublicCommentRuleException(string.Join("\n", errors));
        }

        OpinionSummary = string.IsNullOrWhiteSpace(opinionSummary) ? null : opinionSummary.Trim();
        CityResponse = string.IsNullOrWhiteSpace(cityResponse) ? null : cityResponse.Trim();
        UpdatedAt = now;
    }

    /// <summary>Makes the result public; it cannot be taken back, since the participants are told of it.</summary>
    /// <exception cref="PublicCommentRuleException">Not closed, or without both parts of the result.</exception>
    public void Publish(string opinionSummary, string cityResponse, DateTimeOffset now)
    {
        WriteResult(opinionSummary, cityResponse, now);
        var errors = PublicCommentRules.CheckResult(opinionSummary, cityResponse, requireBoth: true);
        if (errors.Count > 0)
        {
            throw new PublicCommentRuleException(string.Join("\n", errors));
        }

        State = PublicCommentState.Published;
        PublishedAt = now;
    }

    /// <summary>Where the case stands for a resident sending an opinion at <paramref name="now"/>.</summary>
    public PublicCommentAvailability AvailabilityAt(DateTimeOffset now) => State switch
    {
        PublicCommentState.Draft => PublicCommentAvailability.NotFound,
        PublicCommentState.Closed or PublicCommentState.Published => PublicCommentAvailability.Closed,
        _ when now < OpensAt => PublicCommentAvailability.NotYetOpen,
        _ when now >= ClosesAt => PublicCommentAvailability.Closed,
        _ => PublicCommentAvailability.Open,
    };
}

public enum PublicCommentAvailability
{
    NotFound,
    NotYetOpen,
    Open,
    Closed,
}

/// <param name="OpensAt">Any offset; stored as UTC.</param>
/// <param name="IdentityFields">What an opinion must carry besides its text, in form order.</param>
public sealed record PublicCommentSettings(
    string Title,
    string Department,
    string? Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    IReadOnlyList<PublicCommentIdentityField> IdentityFields)
{
    /// <summary>A new case's settings: opening now, for <see cref="PublicCommentCase.DefaultPeriod"/>, asking name and address.</summary>
    public static PublicCommentSettings New(DateTimeOffset now) =>
        new("", "", null, now, now + PublicCommentCase.DefaultPeriod, [PublicCommentIdentityField.Name, PublicCommentIdentityField.Address]);
}

/// <summary>A rule of public comments refused an action; the message is Japanese, for staff.</summary>
public sealed class PublicCommentRuleException : Exception
{
    public PublicCommentRuleException() { }

    public PublicCommentRuleException(string message) : base(message) { }

    public PublicCommentRuleException(string message, Exception innerException) : base(message, innerException) { }
}
