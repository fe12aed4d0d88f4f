namespace FixIt.ArchitectureTests;

/// <summary>Names a newcomer cannot confuse (issue 13 item 6): one public application type per simple name.</summary>
public sealed class NamingTests
{
    [Fact]
    public void No_two_public_application_types_share_a_simple_name()
    {
        var duplicates = SharedNames(Layers.Application.GetExportedTypes());

        Assert.True(duplicates.Count == 0, "Public application types sharing a name:" + Environment.NewLine + Layers.Describe(duplicates));
    }

    [Fact]
    public void The_check_finds_two_types_of_one_name_in_different_namespaces()
    {
        var duplicates = SharedNames([typeof(First.Twin), typeof(Second.Twin), typeof(NamingTests)]);

        var twin = Assert.Single(duplicates);
        Assert.Equal("Twin", twin.Key);
        Assert.Equal([typeof(First.Twin).FullName, typeof(Second.Twin).FullName], twin.Order(StringComparer.Ordinal));
    }

    /// <summary>Types grouped by simple name (generic arity counts: <c>Page`1</c> is not <c>Page</c>), where a name has several.</summary>
    private static List<IGrouping<string, string>> SharedNames(IEnumerable<Type> types) =>
        [.. types.Where(t => !t.IsNested || t.IsNestedPublic)
            .GroupBy(t => t.Name, t => t.FullName ?? t.Name)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    public static class First
    {
        public sealed class Twin;
    }

    public static class Second
    {
        public sealed class Twin;
    }
}
