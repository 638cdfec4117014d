using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Bybit.Parsing;

/// <summary>
/// The coin an execution's fee is charged in when the push leaves <c>feeCurrency</c> empty: a spot buy pays in the
/// base coin it receives, a spot sell in the quote coin; linear contracts settle in USDT, or USDC for Bybit's
/// <c>…PERP</c> contracts. One rule for REST rows and private pushes.
/// </summary>
internal static class FeeCoins
{
    private static readonly string[] QuoteCoins = ["USDT", "USDC"];

    public static string For(MarketCategory category, string symbol, TradeSide side, string? feeCurrency)
    {
        if (!string.IsNullOrEmpty(feeCurrency))
        {
            return feeCurrency;
        }

        if (category != MarketCategory.Spot)
        {
            return symbol.EndsWith("PERP", StringComparison.Ordinal) ? "USDC" : "USDT";
        }

        var quote = QuoteOf(symbol);
        return side == TradeSide.Buy ? symbol[..^quote.Length] : quote;
    }

    // Every pair the bot trades is quoted in a stablecoin; the suffix names it.
    private static string QuoteOf(string symbol)
    {
        foreach (var quote in QuoteCoins)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                return quote;
            }
        }

        throw new FormatException($"cannot tell the quote coin of '{symbol}'");
    }
}
