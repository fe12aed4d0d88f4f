using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Open311.Tokens;

/// <summary>What an Open311 client learns from the token it was given: the request id, once the report is confirmed.</summary>
public sealed record GetTokenQuery(string Token) : IQuery<TokenView>;

public sealed record TokenView(string Token, int? ServiceRequestId);

internal sealed class GetTokenHandler(IFixItDb db) : IQueryHandler<GetTokenQuery, TokenView>
{
    public async ValueTask<TokenView> Handle(GetTokenQuery query, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking()
            .Where(r => r.Open311Token == query.Token)
            .Select(r => new { r.Id, r.Status })
            .SingleOrDefaultAsync(cancellationToken);

        // The token is the client's link to its report: a hidden report (withdrawn, or expired unconfirmed) is gone, token or not.
        if (report is null || !ReportStatusRules.IsShownByLink(report.Status))
        {
            throw new NotFoundException("Token", query.Token);
        }

        return new TokenView(query.Token, ReportStatusRules.IsPublic(report.Status) ? report.Id : null);
    }
}
