using System.Text;

namespace FixIt.UnitTests.Mail;

/// <summary>Generates malformed and random MIME from a seed, so a failure can be reproduced.</summary>
public static class MimeFuzz
{
    private static readonly string[] Encodings = ["base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "bogus", ""];
    private static readonly string[] Charsets = ["utf-8", "iso-8859-1", "windows-1252", "koi8-r", "utf-16", "gb2312", "x-unknown", ""];
    private static readonly string[] Types =
    [
        "text/plain", "text/html", "multipart/mixed", "multipart/alternative", "multipart/related", "multipart/report; report-type=delivery-status",
        "message/rfc822", "message/delivery-status", "image/jpeg", "image/png", "application/octet-stream", "text/plain; format=flowed; delsp=yes", "garbage",
    ];

    public static byte[] Message(Random random, IReadOnlyList<byte[]> seeds)
    {
        return random.Next(4) switch
        {
            0 => Mutate(random, seeds[random.Next(seeds.Count)]),
            1 => Encoding.UTF8.GetBytes(Generated(random, 0)),
            2 => Mutate(random, Encoding.UTF8.GetBytes(Generated(random, 0))),
            _ => RandomBytes(random),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 4000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = source.ToList();
        var edits = random.Next(1, 40);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 200))); break;
                case 2: bytes.InsertRange(at, Encoding.ASCII.GetBytes("\r\n--" + (random.Next(2) == 0 ? "mixed01" : "B0unce") + "\r\n")); break;
                case 3: bytes.InsertRange(at, Encoding.ASCII.GetBytes($"\r\nContent-Type: {Types[random.Next(Types.Length)]}; boundary=\"x\"\r\n")); break;
                case 4: bytes.InsertRange(at, Enumerable.Repeat((byte)(random.Next(2) == 0 ? '>' : '='), random.Next(1, 5000))); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static string Generated(Random random, int depth)
    {
        var builder = new StringBuilder();
        if (depth == 0)
        {
            builder.Append("From: ").Append(random.Next(3) == 0 ? "<<@@>>" : "someone@example.org").Append("\r\n");
            builder.Append("Subject: ").Append(random.Next(5) == 0 ? "Automatic reply" : "=?utf-8?B?" + Convert.ToBase64String(RandomBytes(random).Take(30).ToArray()) + "?=").Append("\r\n");
            builder.Append("Message-ID: <").Append(random.Next()).Append("@fuzz>\r\nMIME-Version: 1.0\r\n");
        }

        var type = depth > 30 && random.Next(2) == 0 ? "text/plain" : Types[random.Next(Types.Length)];
        var boundary = "b" + depth + "_" + random.Next(1000);
        builder.Append("Content-Type: ").Append(type).Append("; charset=").Append(Charsets[random.Next(Charsets.Length)])
            .Append("; boundary=\"").Append(boundary).Append("\"\r\n");
        builder.Append("Content-Transfer-Encoding: ").Append(Encodings[random.Next(Encodings.Length)]).Append("\r\n");
        if (random.Next(3) == 0)
        {
            builder.Append("Content-Disposition: attachment; filename=\"../../etc/").Append(random.Next()).Append(".jpg\"\r\n");
        }

        builder.Append("\r\n");
        if (type.StartsWith("multipart", StringComparison.Ordinal) && depth < 60)
        {
            var children = random.Next(0, 4);
            for (var i = 0; i < children; i++)
            {
                builder.Append("--").Append(boundary).Append("\r\n").Append(Generated(random, depth + 1)).Append("\r\n");
            }

            if (random.Next(4) != 0)
            {
                builder.Append("--").Append(boundary).Append("--\r\n");
            }
        }
        else if (type.StartsWith("message/rfc822", StringComparison.Ordinal) && depth < 60)
        {
            builder.Append(Generated(random, depth + 1));
        }
        else
        {
            builder.Append(random.Next(3) switch
            {
                0 => Convert.ToBase64String(RandomBytes(random)),
                1 => "<html><body><blockquote><div><p>" + new string('<', random.Next(0, 300)) + "text</p>",
                _ => "Status: fixed\r\nOn Mon wrote:\r\n> quoted\r\ncall 0113 496 0000",
            });
        }

        return builder.ToString();
    }
}
