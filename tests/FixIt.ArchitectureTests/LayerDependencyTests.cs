using System.Reflection;
using NetArchTest.Rules;

namespace FixIt.ArchitectureTests;

/// <summary>The layer rules of docs/architecture.md: dependencies point inwards, to the domain.</summary>
public sealed class LayerDependencyTests
{
    [Fact]
    public void The_domain_references_no_other_FixIt_assembly_and_no_EF_ASP_NET_or_mail_library()
    {
        var referenced = Layers.Domain.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(referenced, name => name.StartsWith("FixIt.", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => Layers.Frameworks.Any(f => name.StartsWith(f, StringComparison.Ordinal)));

        AssertNoDependency(Layers.Domain, ["FixIt.Application", "FixIt.Infrastructure", "FixIt.Web", "FixIt.Migrations", .. Layers.Frameworks]);
    }

    [Fact]
    public void The_application_references_neither_infrastructure_nor_web()
    {
        var referenced = Layers.Application.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain("FixIt.Infrastructure", referenced);
        Assert.DoesNotContain("FixIt.Web", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("FixIt.Migrations", StringComparison.Ordinal));

        AssertNoDependency(Layers.Application, ["FixIt.Infrastructure", "FixIt.Web", "FixIt.Migrations", "Microsoft.AspNetCore", "MailKit"]);
    }

    [Fact]
    public void Infrastructure_does_not_reach_up_into_web()
    {
        Assert.DoesNotContain("FixIt.Web", Layers.Infrastructure.GetReferencedAssemblies().Select(a => a.Name));
        AssertNoDependency(Layers.Infrastructure, ["FixIt.Web"]);
    }

    /// <summary>Every type (method bodies included, as NetArchTest reads the IL) of <paramref name="assembly"/> avoids <paramref name="namespaces"/>.</summary>
    private static void AssertNoDependency(Assembly assembly, string[] namespaces)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(namespaces).GetResult();
        Assert.True(result.IsSuccessful,
            $"{assembly.GetName().Name} depends on {string.Join(", ", namespaces)} in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
