using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using FixIt.Domain.Text;

namespace FixIt.Web.Features.Open311;

/// <summary>Writes an <see cref="Open311Document"/> as JSON or XML.</summary>
internal static class Open311Writer
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string XmlContentType = "text/xml; charset=utf-8";

    /// <summary>W3C date-time with the zone; all stored times are UTC, so it reads +00:00.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static byte[] Json(Open311Document document)
    {
        // Served as application/json, never inside HTML: quotes and non-ASCII text can stay readable.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, document.Body);
        }

        return stream.ToArray();
    }

    public static byte[] Xml(Open311Document document)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(document.XmlRoot);
            WriteXmlContent(writer, document.Body);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Open311Object fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, field);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            default:
                writer.WriteStringValue(Text(value));
                break;
        }
    }

    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case Open311Object fields:
                foreach (var (name, field) in fields)
                {
                    WriteXmlElement(writer, name, field);
                }

                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXmlElement(writer, list.ItemName, item);
                }

                break;
            default:
                writer.WriteString(Text(value));
                break;
        }
    }

    private static void WriteXmlElement(XmlWriter writer, string name, object? value)
    {
        writer.WriteStartElement(name);
        WriteXmlContent(writer, value);
        writer.WriteEndElement();
    }

    // Text is cleaned of characters XML cannot hold (and JSON readers choke on) so that no stored row, however old, breaks a list.
    private static string Text(object value) => value switch
    {
        string s => TextCharacters.Clean(s),
        bool b => b ? "true" : "false",
        DateTimeOffset t => Time(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
