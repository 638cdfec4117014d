using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Arb.Cli.Run.Status;

/// <summary>
/// Shows the engine's status while <c>arbbot run</c> trades. On a terminal it redraws a table in place on
/// stdout every <see cref="LiveInterval"/>; when stdout is redirected (a service, a pipe, a file) a redrawn table
/// would be escape-code noise, so it logs the account and one line per symbol every <see cref="LogInterval"/>
/// instead. Logs always go to stderr (<see cref="ConsoleLogging"/>) and the table to stdout: on a terminal both
/// share the screen, so log lines written between redraws scroll through the table; <c>2&gt;bot.log</c> keeps
/// them apart. An exception from the status function (other than cancellation) is the caller's to handle.
/// </summary>
internal sealed class StatusView(ILogger logger, TimeProvider time)
{
    /// <summary>Where the live table is drawn; the process's stdout unless a test supplies its own.</summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>
    /// Live table (true) or log lines (false). Null decides: live when stdout is a terminal that understands ANSI
    /// cursor movement (without it each redraw would be appended, not drawn in place).
    /// </summary>
    public bool? Interactive { get; init; }

    /// <summary>How often the table is redrawn: a person is watching it.</summary>
    public TimeSpan LiveInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often status lines are logged: slower, so logs stay readable and small.</summary>
    public TimeSpan LogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Shows <paramref name="status"/> (called once per interval, on this task) until <paramref name="ct"/> is
    /// cancelled, then returns normally; the last table stays on screen and the cursor is restored.
    /// </summary>
    public async Task RunAsync(Func<EngineStatus> status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(status);
        try
        {
            var terminal = Terminal ?? AnsiConsole.Console;
            if (Interactive ?? (!Console.IsOutputRedirected && terminal.Profile.Capabilities.Ansi))
            {
                await RunLiveAsync(terminal, status, ct);
            }
            else
            {
                await RunLogAsync(status, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }

    private async Task RunLiveAsync(IAnsiConsole terminal, Func<EngineStatus> status, CancellationToken ct)
    {
        await terminal.Live(StatusTable.Build(status(), terminal.Profile.Width))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async live =>
            {
                // Returning (rather than throwing) lets Spectre finish the frame and show the cursor again.
                while (await WaitAsync(LiveInterval, ct))
                {
                    // Width is read every frame so a resized window gets the columns that fit.
                    live.UpdateTarget(StatusTable.Build(status(), terminal.Profile.Width));
                    live.Refresh();
                }
            });
    }

    private async Task RunLogAsync(Func<EngineStatus> status, CancellationToken ct)
    {
        var log = new StatusLog(logger);
        do
        {
            log.Write(status());
        }
        while (await WaitAsync(LogInterval, ct));
    }

    // False once cancelled: the loops end without an exception crossing Spectre's live display.
    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await Task.Delay(interval, time, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
