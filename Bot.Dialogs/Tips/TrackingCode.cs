using System.Security.Cryptography;
using System.Text;

namespace Bot.Dialogs.Tips;

/// <summary>
/// Tracking codes like TIP-7K3Q-9XWD: 8 characters from a CSPRNG over 31 symbols without look-alikes
/// (no 0/O, 1/I/L), about 39.6 bits, so guessing one is hopeless at the lookup rate limit.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string Prefix = "TIP";

    public static string New()
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{Prefix}-{code[..4]}-{code[4..]}";
    }

    /// <summary>Accepts what people type ("tip 7k3q 9xwd", "7K3Q9XWD") and returns the canonical code, or null.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        var symbols = new StringBuilder();
        foreach (var c in input.ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                symbols.Append(c);
            }
        }

        var text = symbols.ToString();
        if (text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length == Prefix.Length + 8)
        {
            text = text[Prefix.Length..];
        }

        return text.Length == 8 && text.All(Alphabet.Contains) ? $"{Prefix}-{text[..4]}-{text[4..]}" : null;
    }
}
