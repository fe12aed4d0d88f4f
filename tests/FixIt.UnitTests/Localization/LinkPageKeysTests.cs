using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FixIt.UnitTests.Localization;

/// <summary>
/// Every title and message given to <c>LinkPages.Page</c> in src/FixIt.Web is a key of the link pages' resources
/// (LinkPageText, then SharedText, where the page looks them up): a string literal, or a constant of the same file
/// (a blank literal, such as string.Join's separator, is not a text).
/// An interpolated string ($"…") cannot be a key: its data goes in the arguments.
/// </summary>
public sealed partial class LinkPageKeysTests
{
    [Fact]
    public void Every_link_page_title_and_message_is_a_resource_key()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "FixIt.Web");
        var keys = Keys(Path.Combine(web, "Resources", "Features", "EmailLinks", "LinkPageText.resx"))
            .Concat(Keys(Path.Combine(web, "Resources", "Components", "SharedText.resx")))
            .ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var calls = 0;
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            // A constant may be written as literals joined with +.
            var constants = Constant().Matches(source).ToDictionary(m => m.Groups[1].Value,
                m => string.Concat(Literal().Matches(m.Groups[2].Value).Select(l => Unescape(l.Groups[1].Value))), StringComparer.Ordinal);
            foreach (var call in CallsIn(source))
            {
                calls++;
                var name = Path.GetRelativePath(web, file);
                if (call.Contains("$\"", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: an interpolated string in LinkPages.Page({Shorten(call)})");
                }

                var texts = Literal().Matches(call).Select(m => Unescape(m.Groups[1].Value)).Where(t => t.Trim().Length > 0)
                    .Concat(Identifier().Matches(call).Select(m => m.Value).Where(constants.ContainsKey).Select(c => constants[c]));
                problems.AddRange(texts.Where(t => !keys.Contains(t)).Select(t => $"{name}: “{t}” is not in LinkPageText.resx or SharedText.resx"));
            }
        }

        Assert.True(calls > 40, $"Only {calls} calls of LinkPages.Page found: has it been renamed?");
        Assert.True(problems.Count == 0, "Link page texts that are not resource keys:\n" + string.Join("\n", problems));
    }

    /// <summary>The argument text of each LinkPages.Page( … ) call, up to its closing parenthesis.</summary>
    private static IEnumerable<string> CallsIn(string source)
    {
        foreach (Match start in Call().Matches(source))
        {
            var (depth, i, inString) = (1, start.Index + start.Length, false);
            for (; i < source.Length && depth > 0; i++)
            {
                var c = source[i];
                if (c == '"' && source[i - 1] != '\\')
                {
                    inString = !inString;
                }
                else if (!inString)
                {
                    depth += c switch { '(' => 1, ')' => -1, _ => 0 };
                }
            }

            yield return source[(start.Index + start.Length)..(i - 1)];
        }
    }

    private static IEnumerable<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"", StringComparison.Ordinal);

    private static string Shorten(string call) => call.Length > 60 ? call[..60] + "…" : call;

    // "LinkPages.Page(" anywhere; inside LinkPages itself, "Page(" after =>, ? or : with a literal first.
    [GeneratedRegex(@"LinkPages\.Page\(|[=?:>]\s*Page\((?=\s*"")")]
    private static partial Regex Call();

    [GeneratedRegex(@"(?<![$@\w])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"const string (\w+) =\s*((?:""(?:[^""\\]|\\.)*""\s*\+?\s*)+);")]
    private static partial Regex Constant();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FixIt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FixIt.sln not found above " + AppContext.BaseDirectory);
    }
}
