using System.Globalization;

namespace Arb.IntegrationTests.Support;

/// <summary>One row of trades.csv, read by the column names of its header.</summary>
internal sealed record TradeRow(string Symbol, string Side, decimal Qty, decimal Price, string Category, string OrderLinkId, string ExecId, decimal Fee, string FeeCoin)
{
    public static IReadOnlyList<TradeRow> ReadAll(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"trades.csv has no {name} column");
        var (symbol, side, qty, price, category, link, exec, fee, feeCoin) = (Column("symbol"), Column("side"), Column("qty"), Column("price"),
            Column("category"), Column("order_link_id"), Column("exec_id"), Column("fee"), Column("fee_coin"));
        return lines.Skip(1).Select(line => line.Split(',')).Select(f => new TradeRow(
            f[symbol], f[side], decimal.Parse(f[qty], CultureInfo.InvariantCulture), decimal.Parse(f[price], CultureInfo.InvariantCulture),
            f[category], f[link], f[exec], decimal.Parse(f[fee], CultureInfo.InvariantCulture), f[feeCoin])).ToList();
    }
}
