namespace Arb.Bybit.Rest;

/// <summary>
/// The coin a spot market order's qty is counted in. Bybit's default differs by side (buy: quote, sell: base),
/// so the bot names it explicitly.
/// </summary>
public enum MarketUnit
{
    BaseCoin,
    QuoteCoin,
}
