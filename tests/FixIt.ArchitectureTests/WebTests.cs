using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace FixIt.ArchitectureTests;

/// <summary>Endpoints speak HTTP and send to the mediator; queries live in the application's handlers (issue 13 item 4).</summary>
public sealed class WebTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_web_type_takes_the_database_context_or_a_DbSet()
    {
        var offenders = Layers.Web.GetTypes()
            .SelectMany(type => Takes(type).Where(t => IsDatabase(t.Type)).Select(t => (Type: Name(type), t.Member)))
            .GroupBy(o => o.Type, o => o.Member)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Web types that take the database:" + Environment.NewLine + Layers.Describe(offenders));
    }

    [Fact]
    public void The_check_finds_a_type_that_takes_the_context_or_a_DbSet()
    {
        Assert.Contains(Takes(typeof(TakesTheContext)), t => IsDatabase(t.Type) && t.Member == "ctor(db)");
        Assert.Contains(Takes(typeof(TakesTheContext)), t => IsDatabase(t.Type) && t.Member == "Count(reports)");
        Assert.Contains(Takes(typeof(TakesTheContext)), t => IsDatabase(t.Type) && t.Member == "_port");
        Assert.DoesNotContain(Takes(typeof(WebTests)), t => IsDatabase(t.Type));
    }

    /// <summary>
    /// The types a type's members receive or hold: constructor and method parameters (lambdas and local functions are
    /// methods of compiler-generated types, so minimal-API handlers are included), fields and properties.
    /// </summary>
    private static IEnumerable<(Type Type, string Member)> Takes(Type type)
    {
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var name = method is ConstructorInfo ? "ctor" : method.Name;
            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, $"{name}({parameter.Name})");
            }
        }

        // Compiler-made fields (a primary constructor's captured parameter, a cached method-group delegate) repeat a
        // parameter listed above.
        foreach (var field in type.GetFields(Declared).Where(f => !f.Name.StartsWith('<')))
        {
            yield return (field.FieldType, field.Name);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return (property.PropertyType, property.Name);
        }
    }

    /// <summary>
    /// A <see cref="DbContext"/>, a <see cref="DbSet{TEntity}"/>, or a port that hands out DbSets (the application's
    /// <c>IFixItDb</c>), also inside generic arguments, arrays and by-ref parameters.
    /// </summary>
    private static bool IsDatabase(Type type)
    {
        if (type.HasElementType)
        {
            return IsDatabase(type.GetElementType()!);
        }

        if (typeof(DbContext).IsAssignableFrom(type)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DbSet<>))
            || (type.IsInterface && type.GetProperties().Any(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))))
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(IsDatabase);
    }

    /// <summary>The type a compiler-generated closure or state machine belongs to, so offenders read as source types.</summary>
    private static string Name(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = outer;
        }

        return type.FullName ?? type.Name;
    }

    private sealed class TakesTheContext(FixIt.Infrastructure.Persistence.FixItDbContext db)
    {
        private readonly FixIt.Application.Abstractions.IFixItDb _port = db;

        public static int Count(DbSet<FixIt.Domain.Reports.Report> reports) => reports.Local.Count;

        public override string ToString() => _port.ToString() ?? "";
    }
}
