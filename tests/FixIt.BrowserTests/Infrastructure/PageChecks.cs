using System.Runtime.CompilerServices;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FixIt.BrowserTests.Infrastructure;

/// <summary>What every page visit ends with: a screenshot to look at, and axe-core with no serious or critical violation.</summary>
public static class PageChecks
{
    public static async Task SaveScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    private static readonly ConditionalWeakTable<IPage, List<string>> Errors = [];

    /// <summary>Run in every page before its own scripts: reports each CSP violation as a console error, which fails the page's checks.</summary>
    public const string CspViolationListener = """
        document.addEventListener('securitypolicyviolation', function (e) {
          console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber);
        }, true);
        """;

    /// <summary>Script errors and console errors of a page, filled by the fixture.</summary>
    public static List<string> ErrorsOf(IPage page) => Errors.GetOrCreateValue(page);

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        Assert.True(ErrorsOf(page).Count == 0, $"Script errors on {page.Url}:\n" + string.Join("\n", ErrorsOf(page)));
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>Screenshot and accessibility check in one, the end of every page visit in these tests.</summary>
    public static async Task VerifyAsync(this IPage page, string name)
    {
        await page.SaveScreenshotAsync(name);
        await page.AssertAccessibleAsync();
    }
}
