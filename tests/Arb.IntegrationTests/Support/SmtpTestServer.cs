using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd, saving every message to a Maildir. Started once per test
/// class; tests tell their messages apart by subject. Missing aiosmtpd fails the tests (never skips them).
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    // Debian's interpreter, where python3-aiosmtpd installs; a pyenv python3 on PATH would not have it.
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "install it with `apt-get install python3-aiosmtpd` (CI does this in .ci/run)";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "arb-smtp-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public int Port { get; private set; }

    private string NewMail => Path.Combine(_directory, "maildir", "new");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing, so the SMTP alert tests cannot run; {InstallHint}");
        }

        var (code, output) = await RunAsync(Python, "-c \"import aiosmtpd\"");
        if (code != 0)
        {
            throw new InvalidOperationException($"aiosmtpd is not importable by {Python} ({output.Trim()}); {InstallHint}");
        }

        Directory.CreateDirectory(_directory);

        // A free port can be taken by someone else before aiosmtpd binds it; try a few.
        var errors = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            var process = Start(Port);
            if (await WaitUntilListeningAsync(process))
            {
                _process = process;
                return;
            }

            errors.Add(await StopAsync(process));
        }

        throw new InvalidOperationException(
            "aiosmtpd did not start: " + string.Join(" | ", errors) + "; output: " + string.Join(" / ", _output.TakeLast(10)));
    }

    /// <summary>The first message whose subject is <paramref name="subject"/>, waiting up to 10 s for it.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string subject)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = await FindAsync(subject);
            if (found.Count > 0)
            {
                return found[0];
            }

            Assert.True(DateTime.UtcNow < until, $"no mail with subject '{subject}' arrived at the SMTP server");
            await Task.Delay(50);
        }
    }

    /// <summary>Every message received so far with this subject (Maildir moves a message into new/ only once it is complete).</summary>
    public async Task<IReadOnlyList<MimeMessage>> FindAsync(string subject)
    {
        var found = new List<MimeMessage>();
        if (!Directory.Exists(NewMail))
        {
            return found;
        }

        foreach (var file in Directory.GetFiles(NewMail))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.Subject == subject)
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync(_process);
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Process Start(int port)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}",
                     "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(_directory, "maildir"),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Python);

        // Drained so a chatty server can never block on a full pipe; kept for the failure message.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task<bool> WaitUntilListeningAsync(Process process)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private static async Task<string> StopAsync(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            return $"exit code {process.ExitCode}";
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start " + file);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
