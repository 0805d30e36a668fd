using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.Jpki.Verification;

/// <summary>
/// The JPKI CA certificates signatures must chain to, from configured file paths or URLs (DER or PEM). Loaded once, on
/// first use, by one load the callers share; a load that fails is tried again on the next verification.
/// </summary>
public sealed class JpkiTrustAnchors
{
    public const string HttpClientName = "jpki-ca";

    private readonly IHttpClientFactory? _httpClients;
    private readonly IReadOnlyList<string> _locations;
    private readonly Lock _gate = new();
    private Task<X509Certificate2Collection>? _load;
    private X509Certificate2Collection? _loaded;

    public JpkiTrustAnchors(IHttpClientFactory httpClients, IReadOnlyList<string> locations)
    {
        _httpClients = httpClients;
        _locations = locations;
    }

    private JpkiTrustAnchors(X509Certificate2Collection certificates)
    {
        _locations = [];
        _loaded = certificates;
    }

    /// <summary>Certificates already in memory.</summary>
    public static JpkiTrustAnchors Of(params X509Certificate2[] certificates) => new([.. certificates]);

    /// <exception cref="JpkiProviderException">A location could not be read or holds no certificate.</exception>
    public async Task<X509Certificate2Collection> GetAsync(CancellationToken cancellationToken)
    {
        Task<X509Certificate2Collection> load;
        lock (_gate)
        {
            if (_loaded is { } loaded)
            {
                return loaded;
            }

            load = _load is { IsCompleted: false } running ? running : _load = LoadAsync();
        }

        return await load.WaitAsync(cancellationToken);
    }

    private async Task<X509Certificate2Collection> LoadAsync()
    {
        var certificates = new X509Certificate2Collection();
        foreach (var location in _locations)
        {
            certificates.Add(Parse(location, await ReadAsync(location)));
        }

        lock (_gate)
        {
            _loaded = certificates;
        }

        return certificates;
    }

    private async Task<byte[]> ReadAsync(string location)
    {
        try
        {
            if (Uri.TryCreate(location, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                using var client = _httpClients!.CreateClient(HttpClientName);
                return await client.GetByteArrayAsync(url);
            }

            return await File.ReadAllBytesAsync(location);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException)
        {
            throw new JpkiProviderException($"The JPKI CA certificate at {location} could not be read: {e.Message}", e);
        }
    }

    private static X509Certificate2 Parse(string location, byte[] content)
    {
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(content);
            return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(content);
        }
        catch (CryptographicException e)
        {
            throw new JpkiProviderException($"The JPKI CA certificate at {location} is neither DER nor PEM.", e);
        }
    }
}
