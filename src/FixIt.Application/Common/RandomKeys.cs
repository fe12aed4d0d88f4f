using System.Security.Cryptography;

namespace FixIt.Application.Common;

/// <summary>Unguessable keys for reply addresses and links.</summary>
public static class RandomKeys
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A lower-case base32 key: safe in an email local part and a URL, case-insensitive.</summary>
    public static string Base32(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        var chars = new char[(bytes * 8 + 4) / 5];
        int bits = 0, value = 0, index = 0;
        foreach (var b in buffer)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(value >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index] = Alphabet[(value << (5 - bits)) & 31];
        }

        return new string(chars);
    }
}
