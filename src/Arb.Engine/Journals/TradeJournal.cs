using System.Globalization;
using Arb.Domain.Market;
using Arb.Domain.Trading;

namespace Arb.Engine.Journals;

/// <summary>
/// <c>logs/trades.csv</c>: one row per executed fill. The first seven columns are the product description's contract
/// (<c>timestamp,symbol,side,qty,price,edge,slippage</c>); the rest add what reconciling needs.
/// <c>timestamp</c> is ISO 8601 UTC with milliseconds; <c>edge</c> is the decision's net edge in bps;
/// <c>slippage</c> is the fill price's distance from the price the decision expected, in bps, positive when worse.
/// </summary>
public sealed class TradeJournal(string path) : IDisposable
{
    public const string Header = "timestamp,symbol,side,qty,price,edge,slippage,category,order_link_id,exec_id,fee,fee_coin";

    private readonly CsvJournal _file = new(path, Header);

    public string Path => _file.Path;

    public void Record(Fill fill, decimal edgeBps, decimal expectedPrice)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var worse = fill.Side == TradeSide.Buy ? fill.Price - expectedPrice : expectedPrice - fill.Price;
        var slippage = expectedPrice == 0m ? 0m : Math.Round(worse / expectedPrice * 10_000m, 4);
        _file.Append(string.Join(
            ',',
            DateTimeOffset.FromUnixTimeMilliseconds(fill.TimestampMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            fill.Symbol,
            fill.Side.ToString(),
            Text(fill.Quantity),
            Text(fill.Price),
            Text(Math.Round(edgeBps, 4)),
            Text(slippage),
            fill.Category.ToWireName(),
            fill.OrderLinkId,
            fill.ExecId,
            Text(fill.Fee),
            fill.FeeCoin));
    }

    public void Dispose() => _file.Dispose();

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
