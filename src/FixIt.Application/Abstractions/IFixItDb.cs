using FixIt.Domain.Access;
using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FixIt.Application.Abstractions;

/// <summary>The unit of work the use cases see; implemented by the EF Core context.</summary>
public interface IFixItDb
{
    DbSet<Report> Reports { get; }

    DbSet<ReportEvent> ReportEvents { get; }

    DbSet<ReportPhoto> ReportPhotos { get; }

    DbSet<Category> Categories { get; }

    DbSet<Operator> Operators { get; }

    DbSet<OperatorContact> OperatorContacts { get; }

    DbSet<Area> Areas { get; }

    DbSet<RoutingRule> RoutingRules { get; }

    DbSet<RoutingVersion> RoutingVersions { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<InboundMessage> InboundMessages { get; }

    DbSet<UpdatePhoto> UpdatePhotos { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<AccessToken> AccessTokens { get; }

    DbSet<MailOptOut> MailOptOuts { get; }

    DbSet<ReplyKey> ReplyKeys { get; }

    DbSet<ReportSubscription> ReportSubscriptions { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
