using System.Reflection;
using Microsoft.AspNetCore.Components;
using SmartBranch.Portal.Modules.Help;

namespace SmartBranch.Portal.Tests.Manual;

/// <summary>
/// Every page of the tenant portal and the console is explained by a section of the manual, which its header links
/// to: a new page (Applications' too) fails here until a section's front matter names its route.
/// </summary>
public sealed class ManualCoverageTests
{
    private static readonly ManualLibrary Manual = ManualLibrary.LoadEmbedded();

    private static IEnumerable<string> PortalPageRoutes =>
        typeof(ManualLibrary).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

    [Fact]
    public void Every_routable_portal_page_has_a_manual_section()
    {
        var uncovered = PortalPageRoutes.Where(r => Manual.ForRoute(r) is null).Order(StringComparer.Ordinal).ToList();

        Assert.True(uncovered.Count == 0,
            "These pages have no manual section; add each route to the 'routes' of a section in docs/manual/ja/*.md: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_route_a_section_names_is_a_page_of_the_portal()
    {
        var pages = PortalPageRoutes.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = Manual.Sections.SelectMany(s => s.Routes.Select(r => $"{s.Id}: {r}")).Where(r => !pages.Contains(r[(r.IndexOf(' ') + 1)..])).ToList();

        Assert.True(unknown.Count == 0, "These routes are in the manual but no page has them (renamed or removed?): " + string.Join(", ", unknown));
    }

    [Fact]
    public void Links_between_sections_lead_to_sections()
    {
        var broken = Manual.Sections
            .SelectMany(s => ManualMarkdown.SectionsLinked(s.Markdown).Select(target => (s.Id, target)))
            .Where(link => Manual.Find(link.target) is null)
            .Select(link => $"{link.Id} → {link.target}.md")
            .ToList();

        Assert.True(broken.Count == 0, "Links to sections that do not exist: " + string.Join(", ", broken));
    }

    [Fact]
    public void Staff_sections_cover_every_task_area_of_the_portal_and_operators_have_their_own()
    {
        var staff = Manual.For(ManualAudience.Staff).Select(s => s.Id).ToList();

        Assert.Contains("broadcast", staff);
        Assert.Contains("staging", staff);
        Assert.Contains("applications", staff);
        Assert.Contains("training-handout", staff);
        Assert.All(Manual.For(ManualAudience.Operator), s => Assert.All(s.Routes, r => Assert.StartsWith("/ops", r)));
    }
}
