using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>
/// A simulated resident's test My Number card: the 署名用電子証明書, its private key (which never leaves the card) and
/// the signing password (署名用電子証明書暗証番号), locked after five wrong tries in a row as a real card is.
/// </summary>
internal sealed class SandboxCard(SandboxIdentity identity, RSA key, X509Certificate2 certificate) : IDisposable
{
    /// <summary>The password of every sandbox card, shown on the card page (a real one is 6–16 letters and digits).</summary>
    public const string TestPassword = "SANDBOX1";

    public const int AllowedWrongTries = 5;

    private readonly Lock _gate = new();
    private int _wrongTries;

    public SandboxIdentity Identity { get; } = identity;

    public X509Certificate2 Certificate { get; } = certificate;

    public bool IsLocked
    {
        get
        {
            lock (_gate)
            {
                return _wrongTries >= AllowedWrongTries;
            }
        }
    }

    public int TriesLeft
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(0, AllowedWrongTries - _wrongTries);
            }
        }
    }

    /// <summary>Signs (RSA PKCS#1 v1.5 over SHA-256) when the password is right and the card not locked; else null.</summary>
    public byte[]? Sign(byte[] document, string password)
    {
        lock (_gate)
        {
            if (_wrongTries >= AllowedWrongTries)
            {
                return null;
            }

            if (!CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(TestPassword)))
            {
                _wrongTries++;
                return null;
            }

            _wrongTries = 0;
            return key.SignData(document, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose()
    {
        key.Dispose();
        Certificate.Dispose();
    }
}
