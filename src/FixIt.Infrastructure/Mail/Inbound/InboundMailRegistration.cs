using System.ComponentModel.DataAnnotations;
using FixIt.Infrastructure.Mail.Inbound.Dkim;
using FixIt.Infrastructure.Mail.Inbound.Imap;
using FixIt.Infrastructure.Mail.Inbound.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit.Cryptography;

namespace FixIt.Infrastructure.Mail.Inbound;

public static class InboundMailRegistration
{
    /// <summary>Email in: the processing path always (so stored messages can be processed); listener and poller when enabled.</summary>
    public static IServiceCollection AddFixItInboundMail(this IServiceCollection services, IConfiguration configuration)
    {
        // Every host (web, command line, test apps) registers services here: all code pages from the start.
        BodyCharset.EnsureRegistered();
        var section = configuration.GetSection(InboundMailOptions.SectionName);
        services.AddOptions<InboundMailOptions>().Bind(section)
            .ValidateDataAnnotations()
            .Validate(o => IsValid(o.Smtp) && IsValid(o.Imap), "InboundMail:Smtp or InboundMail:Imap has a value out of range.")
            .Validate(o => !o.Imap.Enabled || o.Imap.Host.Length > 0 && o.Imap.UserName.Length > 0,
                "InboundMail:Imap:Host and InboundMail:Imap:UserName are required when InboundMail:Imap:Enabled is true.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.CertificatePath) || File.Exists(o.Smtp.CertificatePath),
                "InboundMail:Smtp:CertificatePath names a file that does not exist.")
            .Validate(o => System.Net.IPAddress.TryParse(o.Smtp.ListenAddress, out _), "InboundMail:Smtp:ListenAddress must be an IP address.")
            .Validate(o => o.Smtp.MaxBufferedBytes >= o.MaxMessageBytes,
                "InboundMail:Smtp:MaxBufferedBytes must be at least InboundMail:MaxMessageBytes.")
            .ValidateOnStart();

        // One reply domain for both directions: the addresses email out writes are the ones accepted here.
        services.AddOptions<InboundMailOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<MailOptions>>(
            (inbound, mail) => inbound.ReplyDomain = mail.Value.ReplyDomain);

        services.AddSingleton<UpdatePhotoStore>();
        services.AddSingleton<InboundMailProcessor>();
        services.TryAddSingleton<IDkimPublicKeyLocator, DnsDkimPublicKeyLocator>();
        services.AddSingleton<DkimChecker>();

        // Hosted services are registered from configuration read now: a disabled listener costs nothing.
        var smtpEnabled = section.GetValue<bool>("Smtp:Enabled");
        var imapEnabled = section.GetValue<bool>("Imap:Enabled");
        if (smtpEnabled)
        {
            services.AddSingleton<ReplyKeyMailboxFilter>();
            services.AddSingleton(sp =>
            {
                var smtp = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<InboundMailOptions>>().Value.Smtp;
                var folder = string.IsNullOrWhiteSpace(smtp.SpoolDirectory) ? Path.Combine(Path.GetTempPath(), "fixit-smtp") : smtp.SpoolDirectory;
                return new MessageSpool(smtp.MaxBufferedBytes, smtp.InMemoryThresholdBytes, folder);
            });
            services.AddSingleton<InboundProcessingQueue>();
            services.AddHostedService(sp => sp.GetRequiredService<InboundProcessingQueue>());
            services.AddSingleton<InboundSmtpMessageStore>();
            services.AddSingleton<InboundSmtpListener>();
            services.AddHostedService(sp => sp.GetRequiredService<InboundSmtpListener>());
        }

        if (imapEnabled)
        {
            services.AddHostedService<ImapMailboxPoller>();
        }

        if (smtpEnabled || imapEnabled)
        {
            services.AddHostedService<InboundMailRetrier>();
        }

        return services;
    }

    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);
}
