using System.Text.RegularExpressions;
using Arb.Domain.Market;
using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// The quote files of a backtest: checked to exist, the symbols to trade (given, or those with both a spot and a perp
/// market in the files), and a fresh stream of their rows in time order for each run.
/// </summary>
internal sealed partial class BacktestInput
{
    private BacktestInput(IReadOnlyList<string> files, IReadOnlyList<string> symbols, bool skipBadRows, IReadOnlyList<string> notes)
    {
        Files = files;
        Symbols = symbols;
        SkipBadRows = skipBadRows;
        Notes = notes;
        TotalBytes = files.Sum(f => new FileInfo(f).Length);
    }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<string> Symbols { get; }

    public bool SkipBadRows { get; }

    /// <summary>What the user should know about the input before the run (symbols found with one market only).</summary>
    public IReadOnlyList<string> Notes { get; }

    public long TotalBytes { get; }

    /// <summary>Checks the files and settles the symbols; <see cref="BacktestInputException"/> says what is wrong.</summary>
    public static BacktestInput Open(IReadOnlyList<string> files, IReadOnlyList<string>? symbols, bool skipBadRows)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new BacktestInputException("no quote file given: arbbot backtest DATA.csv [more files]");
        }

        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new BacktestInputException($"quote file not found: {file}");
            }
        }

        var notes = new List<string>();
        if (symbols is { Count: > 0 })
        {
            foreach (var symbol in symbols)
            {
                if (!SymbolPattern().IsMatch(symbol))
                {
                    throw new BacktestInputException($"--symbols: '{symbol}' is not a USDT pair such as BTCUSDT");
                }
            }

            return new BacktestInput(files, [.. symbols.Distinct(StringComparer.Ordinal)], skipBadRows, notes);
        }

        var markets = new Dictionary<string, HashSet<MarketCategory>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (symbol, categories) in QuoteCsvReader.ScanSymbols(file))
            {
                if (!markets.TryGetValue(symbol, out var known))
                {
                    markets[symbol] = known = [];
                }

                known.UnionWith(categories);
            }
        }

        var found = new List<string>();
        foreach (var (symbol, categories) in markets.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (categories.Count < 2)
            {
                notes.Add($"{symbol} has only {categories.Single().ToWireName()} rows: not traded (a backtest needs both markets of a coin)");
            }
            else if (!SymbolPattern().IsMatch(symbol))
            {
                notes.Add($"{symbol} is not a USDT pair such as BTCUSDT: not traded");
            }
            else
            {
                found.Add(symbol);
            }
        }

        if (found.Count == 0)
        {
            throw new BacktestInputException(
                "no symbol in the files has both spot and perp rows; " + (notes.Count > 0 ? string.Join("; ", notes) : "the files hold no rows"));
        }

        return new BacktestInput(files, found, skipBadRows, notes);
    }

    /// <summary>A new reader over every file, merged in time order (each run reads the files afresh: memory stays flat).</summary>
    public (QuoteCsvReader Reader, IEnumerable<QuoteRow> Rows) Read()
    {
        var reader = new QuoteCsvReader(SkipBadRows);
        return (reader, QuoteMerge.Merge([.. Files.Select(reader.Read)]));
    }

    /// <summary>The skipped rows of a finished read, by reason, for the report (zero counts left out).</summary>
    public static IReadOnlyDictionary<string, long> BadRows(QuoteCsvReader reader) =>
        reader.SkippedByReason.Where(r => r.Value > 0).OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)
            .ToDictionary(r => r.Key.ToString(), r => r.Value, StringComparer.Ordinal);

    [GeneratedRegex("^[A-Z0-9]{2,20}USDT$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();
}
