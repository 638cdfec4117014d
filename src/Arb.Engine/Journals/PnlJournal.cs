using System.Globalization;
using Arb.Engine.Portfolio;

namespace Arb.Engine.Journals;

/// <summary>
/// <c>PNL_LOG</c> (default <c>logs/pnl.csv</c>), written periodically: per symbol <c>timestamp,symbol,real,unreal,equity</c>,
/// where <c>real</c> is realised PnL after fees and funding, <c>unreal</c> is at the current marks, and <c>equity</c>
/// is the whole account's (starting capital plus every symbol's PnL), repeated on each row of one snapshot.
/// </summary>
public sealed class PnlJournal(string path) : IDisposable
{
    public const string Header = "timestamp,symbol,real,unreal,equity";

    private readonly CsvJournal _file = new(path, Header);

    public string Path => _file.Path;

    public void Record(long timestampMs, TradingPortfolio portfolio, Func<string, (decimal Spot, decimal Perp)> marks)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(marks);
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var equity = portfolio.Equity(marks);
        foreach (var symbol in portfolio.Symbols.OrderBy(s => s.Symbol, StringComparer.Ordinal))
        {
            var (spot, perp) = marks(symbol.Symbol);
            _file.Append(string.Join(
                ',',
                time,
                symbol.Symbol,
                Money(symbol.NetRealized),
                Money(symbol.Unrealized(spot, perp)),
                Money(equity)));
        }
    }

    public void Dispose() => _file.Dispose();

    // Eight decimals are plenty to read; the ledger itself stays exact.
    private static string Money(decimal value) => Math.Round(value, 8).ToString(CultureInfo.InvariantCulture);
}
