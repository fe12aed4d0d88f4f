using System.Xml.Linq;

namespace FixIt.UnitTests.Localization;

/// <summary>
/// Every string is in every language: each key of each resource file under src/ (English, the neutral one) has a
/// non-empty value in its Welsh file (.cy.resx), and the Welsh file has no key English lacks.
/// </summary>
public sealed class ResourceFilesTests
{
    private static readonly string[] Languages = ["cy"];

    [Fact]
    public void Every_key_has_a_value_in_every_language()
    {
        var neutral = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f).Count(c => c == '.') == 1)
            .ToList();
        Assert.NotEmpty(neutral);

        var problems = new List<string>();
        foreach (var file in neutral)
        {
            var english = Entries(file);
            problems.AddRange(english.Where(e => e.Value.Length == 0).Select(e => $"{Name(file)}: “{e.Key}” has no English text"));
            foreach (var language in Languages)
            {
                var translated = Path.ChangeExtension(file, $".{language}.resx");
                if (!File.Exists(translated))
                {
                    problems.Add($"{Name(translated)} is missing");
                    continue;
                }

                var other = Entries(translated);
                problems.AddRange(english.Keys.Where(k => !other.TryGetValue(k, out var v) || v.Trim().Length == 0)
                    .Select(k => $"{Name(translated)}: “{k}” is missing or empty"));
                problems.AddRange(other.Keys.Where(k => !english.ContainsKey(k)).Select(k => $"{Name(translated)}: “{k}” is not in {Name(file)}"));
            }
        }

        Assert.True(problems.Count == 0, "Resource keys missing in a language:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Format_items_are_the_same_in_every_language()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.cy.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var english = Entries(file.Replace(".cy.resx", ".resx", StringComparison.Ordinal));
            foreach (var (key, welsh) in Entries(file))
            {
                if (english.TryGetValue(key, out var text) && !FormatItems(text).SetEquals(FormatItems(welsh)))
                {
                    problems.Add($"{Name(file)}: “{key}”");
                }
            }
        }

        Assert.True(problems.Count == 0, "Format items ({0}, {1}) differ from the English:\n" + string.Join("\n", problems));
    }

    private static HashSet<string> FormatItems(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(m => m.Value)];

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string Name(string file) => Path.GetRelativePath(RepositoryRoot(), file);

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
