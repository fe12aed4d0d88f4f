using FixIt.Domain.Routing;

namespace FixIt.UnitTests.Domain;

public sealed class RoutingWordingTests
{
    [Theory]
    [InlineData(null, null, "Demo City Council handles all problems everywhere.")]
    [InlineData("Demo City", null, "Demo City Council handles all problems in Demo City.")]
    [InlineData("Demo City", "Bus shelters", "Demo City Council handles reports about Bus shelters in Demo City.")]
    [InlineData(null, "Potholes", "Demo City Council handles reports about Potholes everywhere.")]
    public void The_technical_explanation_reads_back_in_plain_words(string? area, string? category, string plain)
    {
        var technical = RoutingWording.Technical(7, area, category, "Demo City Council");

        Assert.StartsWith("rule 7: ", technical, StringComparison.Ordinal);
        Assert.Equal(plain, RoutingWording.Plain(technical));
    }

    [Fact]
    public void Waiting_for_an_administrator_is_said_plainly_and_other_text_is_left_alone()
    {
        Assert.DoesNotContain("routing rule", RoutingWording.Plain(RoutingWording.NoRule), StringComparison.Ordinal);
        Assert.Contains("administrator", RoutingWording.Plain(RoutingWording.AllDeclined), StringComparison.Ordinal);
        Assert.Equal("Sent to Demo Buses.", RoutingWording.Plain("Sent to Demo Buses."));
    }
}
