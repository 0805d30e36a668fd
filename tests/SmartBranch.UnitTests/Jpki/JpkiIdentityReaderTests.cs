using SmartBranch.Jpki;
using SmartBranch.Jpki.Verification;

namespace SmartBranch.UnitTests.Jpki;

public sealed class JpkiIdentityReaderTests : IDisposable
{
    private readonly TestJpki _jpki = new();

    [Theory]
    [InlineData("2", "419900102", JpkiSex.Female, 1990, 1, 2)]
    [InlineData("3", "520190501", JpkiSex.NotKnown, 2019, 5, 1)]
    [InlineData("1", "119120729", JpkiSex.Male, 1912, 7, 29)]
    public void Sex_codes_and_era_prefixed_dates_of_birth_are_read_as_the_profile_defines_them(
        string sex, string dateOfBirth, JpkiSex expectedSex, int year, int month, int day)
    {
        using var signer = _jpki.Issue(identity: With(("1.2.392.200149.8.5.5.3", sex), ("1.2.392.200149.8.5.5.4", dateOfBirth)));

        var identity = JpkiIdentityReader.Read(signer.Certificate);

        Assert.Equal(expectedSex, identity!.Sex);
        Assert.Equal(new DateOnly(year, month, day), identity.DateOfBirth);
        Assert.Equal("平川 太郎", identity.Name);
    }

    [Theory]
    [InlineData("1.2.392.200149.8.5.5.4", "1980-04-01")]
    [InlineData("1.2.392.200149.8.5.5.4", "919800401")]
    [InlineData("1.2.392.200149.8.5.5.3", "M")]
    [InlineData("1.2.392.200149.8.5.5.1", "")]
    public void A_value_outside_the_profile_gives_no_identity(string oid, string value)
    {
        using var signer = _jpki.Issue(identity: With((oid, value)));

        Assert.Null(JpkiIdentityReader.Read(signer.Certificate));
    }

    [Fact]
    public void A_certificate_missing_the_address_gives_no_identity()
    {
        using var signer = _jpki.Issue(identity: [.. TestJpki.TaroIdentity.Where(e => e.Oid != JpkiCertificateProfile.AddressOid)]);

        Assert.Null(JpkiIdentityReader.Read(signer.Certificate));
    }

    private static (string Oid, string Value)[] With(params (string Oid, string Value)[] replacements) =>
        [.. TestJpki.TaroIdentity.Select(e => replacements.FirstOrDefault(r => r.Oid == e.Oid) is { Oid: not null } r ? r : e)];

    public void Dispose() => _jpki.Dispose();
}
