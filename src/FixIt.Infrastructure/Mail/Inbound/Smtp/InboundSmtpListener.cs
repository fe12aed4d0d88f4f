using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>The SMTP listener for the reply domain's MX, hosted by the app when InboundMail:Smtp:Enabled is true.</summary>
internal sealed partial class InboundSmtpListener(
    IOptions<InboundMailOptions> options,
    ReplyKeyMailboxFilter filter,
    InboundSmtpMessageStore store,
    MessageSpool spool,
    ILogger<InboundSmtpListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IPEndPoint> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the bound address once the listener accepts connections.</summary>
    public Task<IPEndPoint> Started => _started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var limit = new ConnectionLimit(settings, spool, endpoint =>
        {
            LogListening(endpoint);
            _started.TrySetResult(endpoint);
        }, logger);

        var builder = new SmtpServerOptionsBuilder()
            .ServerName(smtp.ServerName)
            .CustomSmtpGreeting(_ => $"220 {smtp.ServerName} ESMTP")
            .MaxMessageSize(settings.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .MaxRetryCount(3)
            .CommandWaitTimeout(TimeSpan.FromSeconds(smtp.CommandTimeoutSeconds))
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Parse(smtp.ListenAddress), smtp.Port))
                    .SessionTimeout(TimeSpan.FromSeconds(smtp.SessionTimeoutSeconds))
                    .AuthenticationRequired(false);
                if (!string.IsNullOrWhiteSpace(smtp.CertificatePath))
                {
                    // With a certificate, STARTTLS is offered; the endpoint itself stays plain, as port 25 is.
                    endpoint.Certificate(X509CertificateLoader.LoadPkcs12FromFile(smtp.CertificatePath, smtp.CertificatePassword));
                }
            });

        var services = new SmtpServiceProvider();
        services.Add(filter);
        services.Add(store);
        services.Add(limit);
        services.Add((SmtpServer.Protocol.ISmtpCommandFactory)new NeutralCommandFactory(settings.MaxMessageBytes));

        var server = new SmtpServerHost(builder.Build(), services);
        server.SessionFaulted += (_, e) =>
        {
            var error = e.Exception.GetType().Name;
            LogSessionFaulted(error, e.Exception.Message);
        };

        try
        {
            await server.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        catch (Exception ex)
        {
            _started.TrySetException(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound SMTP listening on {Endpoint}")]
    private partial void LogListening(IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "An inbound SMTP session ended with {Error}: {Message}")]
    private partial void LogSessionFaulted(string error, string message);
}
