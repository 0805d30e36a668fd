namespace SmartBranch.LineEmulator.Jpki;

/// <summary>A test resident's 基本4情報 as a sandbox 署名用電子証明書 carries them; <paramref name="Sex"/> is the
/// profile's code ("1" 男, "2" 女, "3" 不明).</summary>
internal sealed record SandboxIdentity(string Name, string Address, DateOnly DateOfBirth, string Sex)
{
    /// <summary>Test identities, handed to simulated residents in the order their cards are first used.</summary>
    public static IReadOnlyList<SandboxIdentity> TestResidents { get; } =
    [
        new("平川 太郎", "青森県平川市柏木町藤山２５番地６", new DateOnly(1980, 4, 1), "1"),
        new("平川 花子", "青森県平川市本町北柳田２４番地２", new DateOnly(1985, 11, 23), "2"),
        new("尾上 一郎", "青森県平川市猿賀南田１５番地１", new DateOnly(1952, 2, 29), "1"),
        new("碇ヶ関 さくら", "青森県平川市碇ヶ関三笠山１２０番地", new DateOnly(2001, 6, 15), "2"),
    ];

    public string SexLabel => Sex switch
    {
        "1" => "男",
        "2" => "女",
        _ => "不明",
    };

    /// <summary>生年月日 in the profile's form: the era code (1 明治, 2 大正, 3 昭和, 4 平成, 5 令和), then YYYYMMDD.</summary>
    public string DateOfBirthValue
    {
        get
        {
            var era = DateOfBirth switch
            {
                var d when d <= new DateOnly(1912, 7, 29) => 1,
                var d when d <= new DateOnly(1926, 12, 24) => 2,
                var d when d <= new DateOnly(1989, 1, 7) => 3,
                var d when d <= new DateOnly(2019, 4, 30) => 4,
                _ => 5,
            };
            return $"{era}{DateOfBirth:yyyyMMdd}";
        }
    }
}
