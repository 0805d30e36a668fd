namespace SmartBranch.Jpki.Verification;

/// <summary>
/// The 署名用電子証明書 profile (J-LIS, 証明書プロファイル): the 基本4情報 travel as subjectAltName otherName entries under
/// the arc 1.2.392.200149.8.5.5, each value a UTF8String in the otherName's explicit [0].
/// </summary>
public static class JpkiCertificateProfile
{
    public const string SubjectAlternativeNameOid = "2.5.29.17";

    /// <summary>氏名.</summary>
    public const string NameOid = "1.2.392.200149.8.5.5.1";

    /// <summary>氏名代替文字の使用位置: where the name holds a substitute for a character outside JIS.</summary>
    public const string NameSubstituteCharacterPositionsOid = "1.2.392.200149.8.5.5.2";

    /// <summary>性別: "1" male, "2" female, "3" not known.</summary>
    public const string SexOid = "1.2.392.200149.8.5.5.3";

    /// <summary>生年月日: the era code (1 明治, 2 大正, 3 昭和, 4 平成, 5 令和) then the Gregorian date, <c>EYYYYMMDD</c>.</summary>
    public const string DateOfBirthOid = "1.2.392.200149.8.5.5.4";

    /// <summary>住所.</summary>
    public const string AddressOid = "1.2.392.200149.8.5.5.5";

    /// <summary>住所代替文字の使用位置.</summary>
    public const string AddressSubstituteCharacterPositionsOid = "1.2.392.200149.8.5.5.6";
}
