using System.Reflection;
using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;

namespace FixIt.ArchitectureTests;

/// <summary>The four assemblies of docs/architecture.md's dependency picture, found through a type each owns.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Report).Assembly;

    public static readonly Assembly Application = typeof(IFixItDb).Assembly;

    public static readonly Assembly Infrastructure = typeof(FixItDbContext).Assembly;

    public static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Namespaces of the frameworks the domain must not know: EF Core, ASP.NET Core and the mail libraries.</summary>
    public static readonly string[] Frameworks = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MailKit", "MimeKit"];

    /// <summary>"Name: Member, Member" lines for a failure message.</summary>
    public static string Describe(IEnumerable<IGrouping<string, string>> offenders) =>
        string.Join(Environment.NewLine, offenders.Select(g => $"{g.Key}: {string.Join(", ", g.Distinct())}"));
}
