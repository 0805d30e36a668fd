using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SmartBranch.Modules.Applications.Catalog;

namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// The document a resident signs: the request in full (who asks is proven by the signature), written as JSON with a
/// fixed member order so the same application always gives the same bytes. Kept sealed with the application and
/// verified against exactly these bytes.
/// </summary>
public static class ApplicationDocument
{
    public const string Format = "smartbranch.application/1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = true,
    };

    public static string Compose(
        string tenantName, ResidentApplication application, ApplicationType type, ApplicationFormData form, PostageOption postage,
        ApplicationAmount amount, DateTimeOffset submittedAt, string receiptNumber)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("to", tenantName);
            json.WriteString("applicationId", application.Id);
            json.WriteString("receiptNumber", receiptNumber);
            json.WriteString("submittedAt", submittedAt.ToUniversalTime());
            json.WriteString("type", type.Key);
            json.WriteString("typeName", type.NameJa);
            json.WriteString("purpose", form.Purpose);
            json.WriteString("purposeDetail", form.PurposeDetail);
            WriteList(json, "householdMembers", form.HouseholdMembers);
            WriteList(json, "items", form.ItemKeys?.Select(k => type.Items.FirstOrDefault(i => i.Key == k)?.Name ?? k).ToList());
            json.WriteString("variant", type.Variants.FirstOrDefault(v => v.Key == form.VariantKey)?.Name);
            WriteNumber(json, "fiscalYear", form.FiscalYear);
            json.WriteString("domicileAddress", form.DomicileAddress);
            json.WriteString("domicileHead", form.DomicileHead);
            json.WriteNumber("copies", amount.Copies);
            json.WriteStartObject("delivery");
            json.WriteString("method", postage.Name);
            json.WriteString("recipientName", form.RecipientName);
            json.WriteString("postalCode", form.PostalCode);
            json.WriteString("address", form.Address);
            json.WriteString("phone", form.Phone);
            json.WriteEndObject();
            json.WriteStartObject("amount");
            json.WriteNumber("feePerCopy", amount.FeePerCopy);
            json.WriteNumber("fees", amount.Fees);
            json.WriteNumber("postage", amount.Postage);
            json.WriteNumber("total", amount.Total);
            json.WriteString("currency", "JPY");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static byte[] Bytes(string document) => Encoding.UTF8.GetBytes(document);

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        json.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
