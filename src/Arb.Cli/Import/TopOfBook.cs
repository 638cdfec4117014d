using System.Globalization;

namespace Arb.Cli.Import;

/// <summary>Best bid and ask with their quantities, parsed from decimal text and checked.</summary>
public readonly record struct TopOfBook(decimal Bid, decimal? BidQty, decimal Ask, decimal? AskQty)
{
    /// <summary>Parses and checks the four values; on failure the reason is dropped into <paramref name="stats"/>.</summary>
    /// <remarks>Quantities may be absent (null text); prices may not. A bid above the ask is dropped because the
    /// backtester rejects such a row.</remarks>
    public static bool TryParse(
        string? bid, string? bidQty, string? ask, string? askQty, long line, SourceStats stats, out TopOfBook top)
    {
        ArgumentNullException.ThrowIfNull(stats);
        top = default;
        if (string.IsNullOrWhiteSpace(bid) || string.IsNullOrWhiteSpace(ask))
        {
            stats.Drop("missing field", line, string.IsNullOrWhiteSpace(bid) ? "no bid price" : "no ask price");
            return false;
        }

        if (!TryNumber(bid, out var b) || !TryNumber(ask, out var a))
        {
            stats.Drop("not a number", line, $"bid '{bid}', ask '{ask}'");
            return false;
        }

        decimal? bq = null;
        decimal? aq = null;
        if (!string.IsNullOrWhiteSpace(bidQty))
        {
            if (!TryNumber(bidQty, out var parsed))
            {
                stats.Drop("not a number", line, $"bid quantity '{bidQty}'");
                return false;
            }

            bq = parsed;
        }

        if (!string.IsNullOrWhiteSpace(askQty))
        {
            if (!TryNumber(askQty, out var parsed))
            {
                stats.Drop("not a number", line, $"ask quantity '{askQty}'");
                return false;
            }

            aq = parsed;
        }

        if (b <= 0 || a <= 0 || bq < 0 || aq < 0)
        {
            stats.Drop("non-positive price or negative quantity", line, $"bid {bid} x {bidQty}, ask {ask} x {askQty}");
            return false;
        }

        if (b > a)
        {
            stats.Drop("bid above ask", line, $"bid {bid} > ask {ask}");
            return false;
        }

        top = new TopOfBook(b, bq, a, aq);
        return true;
    }

    public static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
