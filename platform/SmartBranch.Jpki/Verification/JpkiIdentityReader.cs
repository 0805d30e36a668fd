using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.Jpki.Verification;

/// <summary>Reads the 基本4情報 from a 署名用電子証明書's subjectAltName (see <see cref="JpkiCertificateProfile"/>).</summary>
public static class JpkiIdentityReader
{
    private static readonly Asn1Tag OtherNameTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag ExplicitValueTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>The identity, or null when the certificate does not carry all four entries in the profile's form.</summary>
    public static JpkiIdentity? Read(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions[JpkiCertificateProfile.SubjectAlternativeNameOid];
        if (extension is null)
        {
            return null;
        }

        Dictionary<string, string> entries;
        try
        {
            entries = ReadOtherNames(extension.RawData);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return null;
        }

        if (!entries.TryGetValue(JpkiCertificateProfile.NameOid, out var name) || name.Length == 0
            || !entries.TryGetValue(JpkiCertificateProfile.AddressOid, out var address) || address.Length == 0
            || !entries.TryGetValue(JpkiCertificateProfile.DateOfBirthOid, out var dateOfBirth)
            || !entries.TryGetValue(JpkiCertificateProfile.SexOid, out var sex))
        {
            return null;
        }

        return ParseDateOfBirth(dateOfBirth) is { } birth && ParseSex(sex) is { } parsedSex
            ? new JpkiIdentity(name, address, birth, parsedSex)
            : null;
    }

    private static Dictionary<string, string> ReadOtherNames(byte[] subjectAlternativeName)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new AsnReader(subjectAlternativeName, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            if (!names.PeekTag().HasSameClassAndValue(OtherNameTag))
            {
                names.ReadEncodedValue();
                continue;
            }

            var otherName = names.ReadSequence(OtherNameTag);
            var typeId = otherName.ReadObjectIdentifier();
            var value = otherName.ReadSequence(ExplicitValueTag);
            if (typeId.StartsWith("1.2.392.200149.8.5.5.", StringComparison.Ordinal) && !entries.TryAdd(typeId, ReadText(value)))
            {
                throw new AsnContentException($"The subjectAltName holds {typeId} twice.");
            }
        }

        return entries;
    }

    private static string ReadText(AsnReader value)
    {
        var tag = value.PeekTag();
        var type = tag.TagClass == TagClass.Universal ? (UniversalTagNumber)tag.TagValue : UniversalTagNumber.EndOfContents;
        return type is UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
            ? value.ReadCharacterString(type)
            : throw new AsnContentException($"An otherName value of type {type} is not text.");
    }

    private static DateOnly? ParseDateOfBirth(string value) =>
        value.Length == 9 && value[0] is >= '1' and <= '5'
        && DateOnly.TryParseExact(value.AsSpan(1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static JpkiSex? ParseSex(string value) => value switch
    {
        "1" => JpkiSex.Male,
        "2" => JpkiSex.Female,
        "3" => JpkiSex.NotKnown,
        _ => null,
    };
}
