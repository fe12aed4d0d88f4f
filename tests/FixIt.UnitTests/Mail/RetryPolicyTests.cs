using FixIt.Infrastructure.Mail.Outbox;

namespace FixIt.UnitTests.Mail;

public sealed class RetryPolicyTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Delay_doubles_per_attempt_up_to_the_cap_with_jitter_in_the_upper_half(int attempt, int ceilingSeconds)
    {
        var lowest = RetryPolicy.DelayAfter(attempt, Base, Max, 0);
        var highest = RetryPolicy.DelayAfter(attempt, Base, Max, 1);

        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2.0), lowest);
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), highest);
    }

    [Fact]
    public void Jitter_spreads_retries_between_its_bounds()
    {
        var delays = Enumerable.Range(0, 100).Select(i => RetryPolicy.DelayAfter(3, Base, Max, i / 100.0)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)));
        Assert.Equal(100, delays.Distinct().Count());
    }
}
