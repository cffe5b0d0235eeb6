using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Bot.Tests.Support;

/// <summary>
/// Debian's nginx running the README's sample configuration (<c>deploy/nginx/sinergi.conf</c>) in a folder of its own:
/// the upstream addresses, the listening port and the certificate's paths are the only lines changed; a self-signed
/// certificate for 127.0.0.1 stands in for the real one. Fails with a clear message when nginx is not installed
/// (<c>./test.sh</c> installs Debian's <c>nginx-light</c>). Disposing stops it.
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly TempDirectory _folder = new();
    private readonly Process _process;

    public NginxProxy(string sample, IReadOnlyList<Uri> hosts)
    {
        Assert.True(File.Exists(Binary), $"nginx is not installed ({Binary} is missing): run ./test.sh, which installs Debian's nginx-light, or apt-get install nginx-light.");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = Path.Combine(_folder.Path, "fullchain.pem");
        var privateKey = Path.Combine(_folder.Path, "privkey.pem");
        File.WriteAllText(certificate, Certificate.ExportCertificatePem());
        File.WriteAllText(privateKey, key.ExportPkcs8PrivateKeyPem());

        Port = FreePort();
        var site = Path.Combine(_folder.Path, "sinergi.conf");
        File.WriteAllText(site, ForTest(sample, hosts, Port, certificate, privateKey));
        var main = Path.Combine(_folder.Path, "nginx.conf");
        File.WriteAllText(main, $$"""
            {{(Environment.IsPrivilegedProcess ? "user root;" : string.Empty)}}
            daemon off;
            worker_processes 1;
            pid {{_folder.Path}}/nginx.pid;
            error_log {{_folder.Path}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_folder.Path}}/client_body;
                proxy_temp_path {{_folder.Path}}/proxy;
                fastcgi_temp_path {{_folder.Path}}/fastcgi;
                uwsgi_temp_path {{_folder.Path}}/uwsgi;
                scgi_temp_path {{_folder.Path}}/scgi;
                include {{site}};
            }
            """);
        ErrorLog = Path.Combine(_folder.Path, "error.log");
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", _folder.Path, "-e", ErrorLog, "-c", main })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        WaitUntilListening();
    }

    /// <summary>The proxy's address, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new($"https://127.0.0.1:{Port}/");

    public int Port { get; }

    /// <summary>The self-signed certificate nginx presents (clients trust exactly this one).</summary>
    public X509Certificate2 Certificate { get; }

    public string ErrorLog { get; }

    /// <summary>
    /// The sample with the test's values: one upstream server line per host (the sample's other server lines are
    /// dropped), <c>listen 443</c> on a free loopback port, the certificate's paths. Everything else stays as written.
    /// </summary>
    public static string ForTest(string sample, IReadOnlyList<Uri> hosts, int port, string certificate, string privateKey)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(hosts);
        var servers = UpstreamServer().Matches(sample);
        Assert.True(servers.Count >= hosts.Count, "the sample's upstream has fewer server lines than the test has hosts");
        var index = 0;
        var text = UpstreamServer().Replace(sample, m => index < hosts.Count
            ? $"{m.Groups["indent"].Value}server {hosts[index++].Authority}{m.Groups["rest"].Value}\n"
            : string.Empty);
        Assert.Contains("listen 443 ssl;", text, StringComparison.Ordinal);
        text = text.Replace("listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;", StringComparison.Ordinal);
        Assert.Contains("/etc/ssl/sinergi/fullchain.pem", text, StringComparison.Ordinal);
        Assert.Contains("/etc/ssl/sinergi/privkey.pem", text, StringComparison.Ordinal);
        return text
            .Replace("/etc/ssl/sinergi/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/ssl/sinergi/privkey.pem", privateKey, StringComparison.Ordinal);
    }

    /// <summary>A client that trusts this proxy's certificate only.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString() },
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Certificate.Dispose();
        _folder.Dispose();
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"nginx stopped at start (exit {_process.ExitCode}): {_process.StandardError.ReadToEnd()} {ReadErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Fail("nginx did not listen within 15 s: " + ReadErrorLog());
    }

    private string ReadErrorLog() => File.Exists(ErrorLog) ? File.ReadAllText(ErrorLog) : string.Empty;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "    server 10.0.0.11:3978 max_fails=2 fail_timeout=10s;" with its line end.
    [GeneratedRegex(@"^(?<indent>[ \t]*)server [0-9.]+:[0-9]+(?<rest>[^\n]*)\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
