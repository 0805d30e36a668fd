using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Open311;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class Open311MappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static readonly ReportCatalog Catalog = new(
        [new ReportCategory("road", "道路の損傷", "Road damage", "doboku"), new ReportCategory("dumping", "不法投棄", "Illegal dumping", "kankyo")],
        [new ReportDepartment("doboku", "土木課", null), new ReportDepartment("kankyo", "生活環境課", null)],
        null,
        [],
        null);

    [Theory]
    [InlineData(ReportStatus.Received, "open")]
    [InlineData(ReportStatus.InProgress, "open")]
    [InlineData(ReportStatus.Completed, "closed")]
    [InlineData(ReportStatus.Declined, "closed")]
    public void Our_four_statuses_are_opens_two(ReportStatus status, string expected)
    {
        Assert.Equal(expected, Open311Mapping.StatusOf(status));
    }

    [Fact]
    public void A_request_in_json_has_the_specs_fields_in_order_with_japan_time_and_the_category_as_its_description()
    {
        var request = new Open311Request("R-2026-000007", "road", "doboku", ReportStatus.InProgress, Now, Now.AddHours(2), 40.5841, 140.5668);

        var json = JsonNode.Parse(Open311Mapping.Requests(Catalog, [request]).Render(Open311Format.Json))!.AsArray();

        var fields = json.Single()!.AsObject();
        Assert.Equal(
            new[]
            {
                "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
            },
            fields.Select(f => f.Key).ToArray());
        Assert.Equal("2026-11-26T10:00:00+09:00", fields["requested_datetime"]!.GetValue<string>());
        Assert.Equal("2026-11-26T12:00:00+09:00", fields["updated_datetime"]!.GetValue<string>());
        Assert.Equal(("open", "対応中", "道路の損傷", "土木課"), (fields["status"]!.GetValue<string>(), fields["status_notes"]!.GetValue<string>(),
            fields["description"]!.GetValue<string>(), fields["agency_responsible"]!.GetValue<string>()));
        Assert.Equal(40.5841, fields["lat"]!.GetValue<double>());
        Assert.Null(fields["media_url"]);
    }

    [Fact]
    public void In_xml_the_roots_and_items_are_the_specs_and_a_null_is_an_empty_element()
    {
        var request = new Open311Request("R-2026-000007", "dumping", "kankyo", ReportStatus.Completed, Now, Now, 40.5, 140.6);

        var requests = XDocument.Parse(Open311Mapping.Requests(Catalog, [request]).Render(Open311Format.Xml));
        var services = XDocument.Parse(Open311Mapping.Services(Catalog).Render(Open311Format.Xml));
        var created = XDocument.Parse(Open311Mapping.Created("R-2026-000008", null).Render(Open311Format.Xml));
        var error = XDocument.Parse(Open311Document.Errors(403, "api_key が正しくありません。").Render(Open311Format.Xml));

        var item = requests.Root!.Element("request")!;
        Assert.Equal(("service_requests", "closed", "140.6", ""), (requests.Root.Name.LocalName, item.Element("status")!.Value, item.Element("long")!.Value, item.Element("media_url")!.Value));
        Assert.Equal(new[] { "road", "dumping" }, services.Root!.Elements("service").Select(s => s.Element("service_code")!.Value).ToArray());
        Assert.Equal("生活環境課", services.Root.Elements("service").Last().Element("group")!.Value);
        Assert.Equal("R-2026-000008", created.Root!.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal(("errors", "403", "api_key が正しくありません。"),
            (error.Root!.Name.LocalName, error.Root.Element("error")!.Element("code")!.Value, error.Root.Element("error")!.Element("description")!.Value));
        Assert.Equal("utf-8", requests.Declaration!.Encoding, ignoreCase: true);
    }

    [Fact]
    public void An_error_in_json_is_an_array_of_code_and_description()
    {
        var json = Open311Document.Errors(400, "lat と long は必須です。").Render(Open311Format.Json);

        Assert.Equal("""[{"code":400,"description":"lat と long は必須です。"}]""", json);
    }

    [Fact]
    public void Request_filters_default_to_the_last_90_days_and_read_a_date_without_offset_as_japan_time()
    {
        var defaults = Open311RequestQuery.Parse(Query(), Now);
        Assert.Equal((Now.AddDays(-90), Now), (defaults.Start, defaults.End));

        var given = Open311RequestQuery.Parse(Query(("start_date", "2026-11-01T00:00:00"), ("end_date", "2026-11-20T00:00:00Z"), ("status", "open,closed"), ("service_code", "road")), Now);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 15, 0, 0, TimeSpan.Zero), given.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), given.End);
        Assert.Equal(new[] { "open", "closed" }, given.Statuses);
        Assert.Equal(new[] { "road" }, given.ServiceCodes);

        var ids = Open311RequestQuery.Parse(Query(("service_request_id", "R-2026-000001, R-2026-000002")), Now);
        Assert.Equal(new[] { "R-2026-000001", "R-2026-000002" }, ids.RequestIds);
    }

    [Theory]
    [InlineData("status", "pending")]
    [InlineData("start_date", "last week")]
    [InlineData("start_date", "2026-12-01T00:00:00+09:00")]
    public void A_bad_filter_is_a_400(string name, string value)
    {
        var refused = Assert.Throws<Open311Exception>(() => Open311RequestQuery.Parse(Query((name, value)), Now));

        Assert.Equal(400, refused.StatusCode);
    }

    private static QueryCollection Query(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => new StringValues(v.Value)));
}
