using System.Text.RegularExpressions;
using FixIt.Domain.Reports;

namespace FixIt.UnitTests.Domain;

/// <summary>
/// Who may see a report is decided in one place, ReportStatusRules. Outside the domain's Reports folder no source file
/// names the hidden or unconfirmed status (or the hidden status type): a comparison with either is a second spelling of
/// the rule, which the next feature would copy wrong.
/// </summary>
public sealed partial class VisibilityRuleFenceTests
{
    [Fact]
    public void No_source_outside_the_domain_rule_compares_with_the_hidden_or_unconfirmed_status()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var rule = Path.Combine(src, "FixIt.Domain", "Reports") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(rule, StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj" or "Migrations"))
            .ToList();
        Assert.NotEmpty(files);

        var offences = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line.Trim())))
            .Where(l => HiddenOrUnconfirmed().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(offences.Count == 0,
            "Ask ReportStatusRules (IsPublic, IsShownByLink, IsPublicReport, AwaitsConfirmation) instead of naming the status:\n"
            + string.Join("\n", offences));
    }

    [Fact]
    public void The_fence_sees_a_comparison_it_must_refuse()
    {
        Assert.Matches(HiddenOrUnconfirmed(), "if (report.Status == ReportStatus.Hidden)");
        Assert.Matches(HiddenOrUnconfirmed(), "r => r.Status != Domain.Reports.ReportStatus.Unconfirmed");
        Assert.Matches(HiddenOrUnconfirmed(), "type is StatusType.Hidden");
        Assert.DoesNotMatch(HiddenOrUnconfirmed(), "ReportStatusRules.IsPublic(report.Status)");
        Assert.DoesNotMatch(HiddenOrUnconfirmed(), "ReportStatus.HiddenByModerator");
    }

    [Fact]
    public void The_query_filters_agree_with_the_predicates_for_every_status()
    {
        var isPublic = ReportStatusRules.IsPublicReport.Compile();
        var shownByLink = ReportStatusRules.IsReportShownByLink.Compile();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            var report = ReportTests.NewReport();
            typeof(Report).GetProperty(nameof(Report.Status))!.SetValue(report, status);
            Assert.Equal(ReportStatusRules.IsPublic(status), isPublic(report));
            Assert.Equal(ReportStatusRules.IsShownByLink(status), shownByLink(report));
            Assert.Equal(ReportStatusRules.IsPublic(status), ReportStatusRules.PublicStatuses.Contains(status));
        }
    }

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

    [GeneratedRegex(@"\b(ReportStatus\.(Hidden|Unconfirmed)|StatusType\.Hidden)\b")]
    private static partial Regex HiddenOrUnconfirmed();
}
