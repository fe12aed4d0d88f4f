using FixIt.Domain.Access;
using FixIt.Domain.Alerts;
using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Inbound;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Operators;
using FixIt.Domain.Places;
using FixIt.Domain.Privacy;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Abstractions;

/// <summary>
/// The database as the use cases see it: the entity sets to query (EF Core LINQ) and to add to, and one save.
/// Transactions, retries and the change tracker are not here: a command runs inside <see cref="IUnitOfWork"/>.
/// Implemented by the EF Core context; why the Application layer speaks EF Core at all is ADR 0080.
/// </summary>
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

    DbSet<Place> Places { get; }

    DbSet<PlaceKey> PlaceKeys { get; }

    DbSet<MyReportsToken> MyReportsTokens { get; }

    DbSet<Erasure> Erasures { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<BlockedSender> BlockedSenders { get; }

    DbSet<ReportSupport> ReportSupports { get; }

    DbSet<AreaAlert> AreaAlerts { get; }

    DbSet<AreaAlertMatch> AreaAlertMatches { get; }

    DbSet<AlertToken> AlertTokens { get; }

    DbSet<AlertVersion> AlertVersions { get; }

    DbSet<StaffOperator> StaffOperators { get; }

    DbSet<ReportFlag> ReportFlags { get; }
    DbSet<ResponseTemplate> ResponseTemplates { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
