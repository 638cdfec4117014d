using System.Diagnostics;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// <c>promtool check metrics</c> from Debian's prometheus package (installed by .ci/run). A missing promtool fails
/// the test with an install hint: a check that cannot run must not pass.
/// </summary>
internal static class PromtoolCheck
{
    public const string Path = "/usr/bin/promtool";

    public const string InstallHint = "install Debian's prometheus package (apt-get install -y prometheus), as .ci/run does";

    /// <summary>Runs the exposition text through the linter; returns its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> MetricsAsync(string exposition, CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            Assert.Fail($"{Path} is missing, so the exposition cannot be checked; {InstallHint}");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        await process.StandardInput.WriteAsync(exposition.AsMemory(), ct);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
