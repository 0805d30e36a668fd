using System.Net;
using Microsoft.Extensions.Configuration;

namespace SmartBranch.Kernel.Networking;

/// <summary>
/// CIDR networks from configuration (a city's allowlist, the load balancer's networks, who may read
/// metrics), given either as one comma-separated value or as a list; a malformed entry stops start-up.
/// </summary>
public static class NetworkList
{
    /// <exception cref="InvalidOperationException">An entry is not a CIDR network.</exception>
    public static List<IPNetwork> Read(IConfigurationSection section)
    {
        var entries = section.Value is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return entries.Select(entry => IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"{section.Path}: '{entry}' is not a CIDR network."))
            .ToList();
    }

    /// <summary>Whether <paramref name="address"/> (an IPv4 address seen through IPv6 counts as IPv4) is in one of the networks.</summary>
    public static bool Contains(IEnumerable<IPNetwork> networks, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(normalized));
    }
}
