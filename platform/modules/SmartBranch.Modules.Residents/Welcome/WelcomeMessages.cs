using System.Collections.Concurrent;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Messages;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.Modules.Residents.Welcome;

/// <summary>
/// The messages a new friend receives, from <c>tenants/&lt;slug&gt;/residents.yml</c>
/// (<c>welcomeMessages</c>: 1 to 5 texts, as LINE allows in one reply). A tenant created in the
/// console has no files yet and greets with a plain default. <c>{preferencesUrl}</c> in a text becomes the link
/// to the environment's preference page.
/// </summary>
internal sealed class WelcomeMessages(ResidentPageLinks links)
{
    public const string FileName = "residents.yml";
    public const string PreferencesUrlPlaceholder = "{preferencesUrl}";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly ConcurrentDictionary<string, IReadOnlyList<LineMessage>> _byTenant = new();

    public IReadOnlyList<LineMessage> For(TenantContext tenant)
    {
        if (string.IsNullOrEmpty(tenant.Tenant.DirectoryPath))
        {
            return [new TextMessage($"{tenant.Tenant.Name}の LINE 公式アカウントです。友だち追加ありがとうございます。")];
        }

        var preferencesUrl = links.For(tenant, Preferences.PreferencesEndpoints.Page).AbsoluteUri;
        return _byTenant.GetOrAdd(tenant.TenantSlug, _ => Load(tenant.Tenant.DirectoryPath))
            .Select(m => m is TextMessage text ? new TextMessage(text.Text.Replace(PreferencesUrlPlaceholder, preferencesUrl, StringComparison.Ordinal)) : m)
            .ToList();
    }

    internal static IReadOnlyList<LineMessage> Load(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, FileName);
        var file = File.Exists(path) ? Yaml.Deserialize<ResidentsFile>(File.ReadAllText(path)) : null;
        var texts = file?.WelcomeMessages.Select(t => t.Trim()).Where(t => t.Length > 0).ToList() ?? [];
        if (texts.Count is < 1 or > 5)
        {
            throw new InvalidOperationException($"{path}: welcomeMessages must hold 1 to 5 texts.");
        }

        if (texts.Any(t => t.Length > TextMessage.MaxLength))
        {
            throw new InvalidOperationException($"{path}: a welcome message is longer than LINE's {TextMessage.MaxLength} characters.");
        }

        return texts.Select(t => (LineMessage)new TextMessage(t)).ToList();
    }

    private sealed class ResidentsFile
    {
        public List<string> WelcomeMessages { get; set; } = [];
    }
}
