namespace Arb.Cli;

/// <summary>The process exit codes of <c>arbbot</c> (documented in README).</summary>
public static class ExitCodes
{
    /// <summary>Finished normally, or stopped by Ctrl+C / SIGTERM after a clean shutdown.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure the bot could not recover from.</summary>
    public const int Failure = 1;

    /// <summary>A bad setting, bad command-line usage or an input file that cannot be read; nothing was started.</summary>
    public const int BadConfiguration = 2;

    /// <summary>
    /// Stopped by a risk limit (drawdown, losing streak, profit target, error limit) after closing the positions.
    /// Its own code so that a supervisor can tell it from a crash and not restart into the same stop.
    /// </summary>
    public const int RiskStop = 3;
}
