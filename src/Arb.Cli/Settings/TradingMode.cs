namespace Arb.Cli.Settings;

/// <summary>Where orders go (<c>MODE</c>).</summary>
public enum TradingMode
{
    /// <summary>Bybit when API keys are set, the embedded simulator otherwise.</summary>
    Auto,

    /// <summary>Bybit with the API keys: real orders.</summary>
    Live,

    /// <summary>Bybit's public market data, fills simulated in-process at the book's prices: no orders leave.</summary>
    Paper,

    /// <summary>The embedded simulator, market data and orders.</summary>
    Sim,
}
