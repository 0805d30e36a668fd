using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Privacy;

/// <summary>
/// Encrypts personal fields for the database with a key of their own tenant environment, so that a row copied into
/// another tenant, or read by another tenant's code, does not open. Stored values are <see cref="SealedText"/>, which
/// nothing shows or compares by content.
/// </summary>
public interface IPersonalDataProtector
{
    SealedText Seal(TenantContext tenant, string plaintext);

    /// <exception cref="PersonalDataUnreadableException">The value was sealed for another tenant environment, altered, or its key is gone.</exception>
    string Open(TenantContext tenant, SealedText sealedText);
}

/// <summary>A personal field as stored: ciphertext only a protector for its tenant environment opens.</summary>
public sealed record SealedText(string Ciphertext)
{
    public override string ToString() => "[sealed]";
}

public sealed class PersonalDataUnreadableException(string message, Exception innerException) : Exception(message, innerException);
