using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>The two formats GeoReport v2 defines, chosen by the path's extension (<c>.json</c>, <c>.xml</c>).</summary>
public enum Open311Format
{
    Json,
    Xml,
}

/// <summary>
/// One GeoReport v2 answer, independent of its format: a list of items, each a list of named fields in the spec's order.
/// In JSON it is an array of objects; in XML a root element (<c>services</c>, <c>service_requests</c>, <c>errors</c>)
/// holding one element per item (<c>service</c>, <c>request</c>, <c>error</c>). A null field is JSON <c>null</c> and an
/// empty XML element, as in the spec's examples.
/// </summary>
public sealed record Open311Document(string Root, string Item, IReadOnlyList<IReadOnlyList<Open311Field>> Items)
{
    public static Open311Document Errors(int code, string description) =>
        new("errors", "error", [[new("code", code), new("description", description)]]);

    public string Render(Open311Format format) => format == Open311Format.Json ? RenderJson() : RenderXml();

    public IResult ToResult(Open311Format format, int statusCode = StatusCodes.Status200OK) => Results.Text(
        Render(format), format == Open311Format.Json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8", Encoding.UTF8, statusCode);

    private string RenderJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var item in Items)
            {
                json.WriteStartObject();
                foreach (var field in item)
                {
                    json.WritePropertyName(field.Name);
                    switch (field.Value)
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case bool flag:
                            json.WriteBooleanValue(flag);
                            break;
                        case int number:
                            json.WriteNumberValue(number);
                            break;
                        case double number:
                            json.WriteNumberValue(number);
                            break;
                        case DateTimeOffset time:
                            json.WriteStringValue(Open311Field.Timestamp(time));
                            break;
                        default:
                            json.WriteStringValue(field.Value.ToString());
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string RenderXml()
    {
        var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(Root);
            foreach (var item in Items)
            {
                xml.WriteStartElement(Item);
                foreach (var field in item)
                {
                    xml.WriteStartElement(field.Name);
                    if (field.Value is { } value)
                    {
                        xml.WriteString(value switch
                        {
                            bool flag => flag ? "true" : "false",
                            double number => number.ToString("R", CultureInfo.InvariantCulture),
                            DateTimeOffset time => Open311Field.Timestamp(time),
                            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                            _ => value.ToString(),
                        });
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.ToString();
    }

    // StringWriter reports UTF-16, which XmlWriter would write into the declaration.
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

/// <param name="Value">A string, number, boolean, <see cref="DateTimeOffset"/> or null.</param>
public sealed record Open311Field(string Name, object? Value)
{
    /// <summary>ISO 8601 with the offset, in Japan time: <c>2026-04-01T09:30:00+09:00</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        SmartBranch.Kernel.JapanTime.From(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
