using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Rest;

/// <summary>
/// The coin an execution's fee is in when Bybit leaves <c>feeCurrency</c> empty (linear rows always do):
/// spot buy → base coin, spot sell → quote coin; linear → the settle coin, USDC for Bybit's <c>…PERP</c>
/// contracts and USDT otherwise.
/// </summary>
internal static class FeeCoins
{
    // Quote coins of the spot pairs the bot can trade; the base coin is what precedes them.
    private static readonly string[] SpotQuotes = ["USDT", "USDC"];

    public static string Derive(MarketCategory category, string symbol, TradeSide side)
    {
        if (category == MarketCategory.Linear)
        {
            return symbol.EndsWith("PERP", StringComparison.Ordinal) ? "USDC" : "USDT";
        }

        foreach (var quote in SpotQuotes)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                return side == TradeSide.Buy ? symbol[..^quote.Length] : quote;
            }
        }

        throw new FormatException($"cannot tell the fee coin of spot symbol '{symbol}' without feeCurrency.");
    }
}
