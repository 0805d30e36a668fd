using System.Text.Json.Nodes;

namespace SmartBranch.Line.Tests;

internal static class JsonAssert
{
    /// <summary>Same JSON values, whatever the property order and whitespace.</summary>
    public static void Equivalent(string expected, string actual)
    {
        if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
        {
            Assert.Fail($"JSON differs.\nExpected: {JsonNode.Parse(expected)!.ToJsonString()}\nActual:   {actual}");
        }
    }
}
