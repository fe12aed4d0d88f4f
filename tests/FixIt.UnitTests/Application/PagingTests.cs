using FixIt.Application.Common;

namespace FixIt.UnitTests.Application;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(2, 50, 50)]
    [InlineData(3000000, 1000, int.MaxValue)] // 2,999,999,000 rows: past int, capped (an empty page), never wrapped
    [InlineData(21474838, 100, int.MaxValue)]
    [InlineData(99999999, 200, int.MaxValue)]
    [InlineData(int.MaxValue, int.MaxValue, int.MaxValue)]
    [InlineData(0, 50, 0)]
    [InlineData(-5, 50, 0)]
    public void Skip_is_the_rows_before_the_page_capped_never_wrapped(int page, int pageSize, int expected) =>
        Assert.Equal(expected, Paging.Skip(page, pageSize));
}
