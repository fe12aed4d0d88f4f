using FixIt.Application.Common;

namespace FixIt.UnitTests.Application;

public sealed class ValidationRulesTests
{
    [Theory]
    [InlineData("ada@example.net", true)]
    [InlineData("a.b+tag@sub.example.co.uk", true)]
    [InlineData("not-an-email", false)]
    [InlineData("a@b", false)]
    [InlineData("Ada <ada@example.net>", false)]
    [InlineData("ada@example.net\r\nBcc: x@y.z", false)]
    [InlineData("ada @example.net", false)]
    [InlineData("ada@.example.net", false)]
    [InlineData("ada@example.", false)]
    public void Email_addresses_are_checked(string value, bool valid) =>
        Assert.Equal(valid, ValidationRules.IsValidEmail(value));

    [Fact]
    public void Random_keys_are_lowercase_base32_of_the_expected_length_and_differ()
    {
        var a = RandomKeys.Base32(15);
        var b = RandomKeys.Base32(15);

        Assert.Equal(24, a.Length);
        Assert.Matches("^[a-z2-7]+$", a);
        Assert.NotEqual(a, b);
    }
}
