namespace Arb.Simulator.Trading;

/// <summary>Coin names the engine needs.</summary>
public static class Coins
{
    /// <summary>The quote coin of every simulated pair and the settle coin of the linear perps.</summary>
    public const string Usdt = "USDT";
}
