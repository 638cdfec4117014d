namespace Arb.Cli.Trading;

/// <summary>The exchange is not in a state the bot can trade in (a symbol missing, REST unreachable at start-up).</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
