using System.Globalization;
using Arb.Engine.Trading;

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

    public void Record(EngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var time = status.Time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        foreach (var symbol in status.Symbols.OrderBy(s => s.Symbol, StringComparer.Ordinal))
        {
            _file.Append(string.Join(',', time, symbol.Symbol, Money(symbol.RealizedUsd), Money(symbol.UnrealizedUsd), Money(status.EquityUsd)));
        }
    }

    public void Dispose() => _file.Dispose();

    // Eight decimals are plenty to read; the ledger itself stays exact.
    private static string Money(decimal value) => Math.Round(value, 8).ToString(CultureInfo.InvariantCulture);
}
