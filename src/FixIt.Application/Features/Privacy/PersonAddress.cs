using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Alerts;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

// The comparisons below are translated to SQL's LOWER(): no culture of this process plays a part.
#pragma warning disable CA1304, CA1311, CA1862

namespace FixIt.Application.Features.Privacy;

/// <summary>
/// One person, as FixIt knows them: an email address. Reports keep the address as given (domain lower-cased),
/// subscriptions lower-cased, so every lookup compares lower-cased addresses; "+tag" variants are other addresses.
/// </summary>
public static class PersonAddress
{
    /// <summary>The address lower-cased in FixIt's one normal form; null when it is not an address.</summary>
    public static string? Normalize(string? value) => EmailAddresses.Normalize(value?.Trim())?.ToLowerInvariant();

    public static IQueryable<Report> ReportsOf(IFixItDb db, string address) =>
        db.Reports.Where(r => address != "" && r.ReporterEmail.ToLower() == address);

    public static IQueryable<ReportSubscription> SubscriptionsOf(IFixItDb db, string address) =>
        db.ReportSubscriptions.Where(s => address != "" && s.Email == address);

    /// <summary>Alerts for a place asked for with the address (stored lower-cased, <see cref="AreaAlert.Normalize"/>).</summary>
    public static IQueryable<AreaAlert> AlertsOf(IFixItDb db, string address) =>
        db.AreaAlerts.Where(a => address != "" && a.Email == address.ToLowerInvariant());

    public static IQueryable<OutboxMessage> MailTo(IFixItDb db, string address) =>
        db.OutboxMessages.Where(m => address != "" && m.ToAddress.ToLower() == address);

    public static IQueryable<ReplyKey> ReplyKeysOf(IFixItDb db, string address) =>
        db.ReplyKeys.Where(k => address != "" && k.Address.ToLower() == address);

    public static IQueryable<MailOptOut> OptOutsOf(IFixItDb db, string address) =>
        db.MailOptOuts.Where(o => address != "" && o.Email.ToLower() == address);

    /// <summary>Inbound mail whose envelope sender is the address.</summary>
    public static IQueryable<Domain.Inbound.InboundMessage> MailFrom(IFixItDb db, string address) =>
        db.InboundMessages.Where(m => address != "" && m.EnvelopeFrom != null && m.EnvelopeFrom.ToLower() == address);

    /// <summary>Whether the address is an operator's contact, copy or escalation address: those are managed in the console.</summary>
    public static async Task<bool> IsOperatorAddressAsync(IFixItDb db, string address, CancellationToken cancellationToken) =>
        await db.OperatorContacts.AnyAsync(c => c.Email.ToLower() == address || (c.Cc != null && c.Cc.ToLower().Contains(address)), cancellationToken)
        || await db.Operators.AnyAsync(o => o.EscalationEmail != null && o.EscalationEmail.ToLower() == address, cancellationToken);

    /// <summary>Whether FixIt holds anything linked to the address: a report, a subscription, an alert or an email sent to it.</summary>
    public static async Task<bool> IsKnownAsync(IFixItDb db, string address, CancellationToken cancellationToken) =>
        await ReportsOf(db, address).AnyAsync(cancellationToken)
        || await SubscriptionsOf(db, address).AnyAsync(cancellationToken)
        || await AlertsOf(db, address).AnyAsync(cancellationToken)
        || await MailTo(db, address).AnyAsync(cancellationToken);
}

/// <summary>Erasure of an operator's contact address is refused: operator contacts are managed in the console.</summary>
public sealed class OperatorContactException() : Exception(
    "This address is an operator contact. Operator contacts are managed in the admin console, not erased here; nothing was changed.");
