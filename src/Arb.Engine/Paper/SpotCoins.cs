namespace Arb.Engine.Paper;

/// <summary>
/// The base and quote coins of a spot symbol, told by its quote suffix as Bybit names pairs (<c>BTCUSDT</c> = BTC
/// quoted in USDT). Every pair the bot trades is quoted in a stablecoin.
/// </summary>
internal static class SpotCoins
{
    private static readonly string[] Quotes = ["USDT", "USDC"];

    public static bool TrySplit(string symbol, out string baseCoin, out string quoteCoin)
    {
        foreach (var quote in Quotes)
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                baseCoin = symbol[..^quote.Length];
                quoteCoin = quote;
                return true;
            }
        }

        baseCoin = quoteCoin = "";
        return false;
    }
}
