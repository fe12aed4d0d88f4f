using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Imap;
using MailKit.Security;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>
/// Debian's dovecot as a real IMAP server on a free loopback port, run from a generated configuration in a
/// temporary folder (plain IMAP, one passwd-file user, Maildir), stopped and removed at the end. Run as
/// root it uses the package's dovecot/dovenull users, as dovecot will not deliver mail as uid 0; run as
/// anyone else, everything runs as that user.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string UserName = "fixit";
    public const string Password = "imap-test-secret";
    private const string Binary = "/usr/sbin/dovecot";

    private readonly Process _process;
    private readonly string _folder;

    private DovecotServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<DovecotServer> StartAsync()
    {
        Assert.True(File.Exists(Binary) && !OperatingSystem.IsWindows(), "dovecot is not installed (Debian: apt-get install dovecot-imapd).");
        var folder = Path.Combine(Path.GetTempPath(), "fixit-dovecot-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var sub in new[] { "", "run", "state", "mail" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(folder, sub), (UnixFileMode)0b111_101_101);
            }
        }

        var asRoot = Environment.UserName == "root";
        var (uid, gid) = asRoot ? (await RunAsync("id", "-u", "dovecot"), await RunAsync("id", "-g", "dovecot")) : (await RunAsync("id", "-u"), await RunAsync("id", "-g"));
        var group = asRoot ? "dovecot" : await RunAsync("id", "-gn");
        if (asRoot)
        {
            await RunAsync("chown", "-R", "dovecot:dovecot", Path.Combine(folder, "mail"));
        }

        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), $"{UserName}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            first_valid_uid = 1
            first_valid_gid = 1
            auth_mechanisms = plain login
            mail_location = maildir:{{folder}}/mail/%u
            default_internal_user = {{(asRoot ? "dovecot" : Environment.UserName)}}
            default_internal_group = {{group}}
            default_login_user = {{(asRoot ? "dovenull" : Environment.UserName)}}
            service imap-login {
              inet_listener imap {
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            passdb {
              driver = passwd-file
              args = {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{folder}}/mail/%u
            }
            """);

        var process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", Path.Combine(folder, "dovecot.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var server = new DovecotServer(process, folder, port);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = await server.ConnectAsync();
                return server;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception ex)
            {
                var log = File.Exists(Path.Combine(folder, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "dovecot.log")) : "";
                await server.DisposeAsync();
                throw new InvalidOperationException($"dovecot did not start: {ex.Message}\n{log}", ex);
            }
        }
    }

    /// <summary>Settings that point the app's IMAP poller at this server.</summary>
    public Dictionary<string, string?> PollerSettings(int pollSeconds = 1) => new()
    {
        ["InboundMail:Imap:Enabled"] = "true",
        ["InboundMail:Imap:Host"] = "127.0.0.1",
        ["InboundMail:Imap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InboundMail:Imap:Security"] = "None",
        ["InboundMail:Imap:UserName"] = UserName,
        ["InboundMail:Imap:Password"] = Password,
        ["InboundMail:Imap:PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(UserName, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process still finishing; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return output.Trim();
    }
}
