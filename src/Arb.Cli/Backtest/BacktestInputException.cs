namespace Arb.Cli.Backtest;

/// <summary>The backtest's input cannot be used as given (exit code 2); the message says what to change.</summary>
internal sealed class BacktestInputException(string message) : Exception(message);
