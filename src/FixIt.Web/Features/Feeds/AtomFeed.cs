using System.Globalization;
using System.Text;
using System.Xml;
using FixIt.Domain.Text;

namespace FixIt.Web.Features.Feeds;

internal sealed record AtomEntry(string Id, string Title, string Link, DateTimeOffset Updated, string Summary);

/// <summary>
/// Writes an Atom 1.0 document (RFC 4287). Text goes through XmlWriter, so nothing a resident typed can become markup, and is
/// cleaned of characters XML cannot hold, so no stored row breaks a feed.
/// </summary>
internal static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(string id, string title, string selfUrl, string alternateUrl, IReadOnlyList<AtomEntry> entries, DateTimeOffset emptyUpdated)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            const string Ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Ns);
            if (CultureInfo.CurrentUICulture.Name is { Length: > 0 } language)
            {
                // The language of the feed's own words (titles, summaries: FeedText); residents' words are as written.
                xml.WriteAttributeString("xml", "lang", null, language);
            }

            xml.WriteElementString("id", Ns, X(id));
            xml.WriteElementString("title", Ns, X(title));
            xml.WriteElementString("updated", Ns, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : emptyUpdated));
            Link(xml, Ns, "self", selfUrl);
            Link(xml, Ns, "alternate", alternateUrl);
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, "FixIt");
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("id", Ns, X(e.Id));
                xml.WriteElementString("title", Ns, X(e.Title));
                Link(xml, Ns, "alternate", e.Link);
                xml.WriteElementString("updated", Ns, Time(e.Updated));
                xml.WriteStartElement("summary", Ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(X(e.Summary));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", X(href));
        xml.WriteEndElement();
    }

    private static string X(string text) => TextCharacters.Clean(text);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
