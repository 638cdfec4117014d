using System.Globalization;
using Arb.Cli.Replay;
using Arb.Domain.Market;
using Arb.Engine.Backtest;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// What a user checks of an <c>arbbot record</c> directory: the quotes read back as backtest input, and each frames
/// file replays cleanly to the same top of book, in the same order, as the quotes of its category.
/// </summary>
internal static class RecordingCheck
{
    public static IReadOnlyList<string> QuoteFiles(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "quotes-*.csv").Order(StringComparer.Ordinal)] : [];

    /// <summary>Markets (symbol, category) with at least one row on disk so far; readable while recording.</summary>
    public static HashSet<(string Symbol, string Category)> MarketsOnDisk(string directory)
    {
        var markets = new HashSet<(string, string)>();
        foreach (var path in QuoteFiles(directory))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var cells = line.Split(',');
                if (cells.Length == 9 && cells[0] != "timestamp")
                {
                    markets.Add((cells[1], cells[2]));
                }
            }
        }

        return markets;
    }

    public static void AssertComplete(string directory, IReadOnlyList<string> symbols)
    {
        var quotes = new QuoteCsvReader().ReadFiles(QuoteFiles(directory)).ToList();
        foreach (var symbol in symbols)
        {
            foreach (var category in new[] { MarketCategory.Spot, MarketCategory.Linear })
            {
                var recorded = quotes.Where(q => q.Symbol == symbol && q.Category == category)
                    .Select(q => (q.Bid, q.BidQty!.Value, q.Ask, q.AskQty!.Value))
                    .ToList();
                Assert.True(recorded.Count > 0, $"no {category} rows of {symbol} in the quotes CSV");

                var replayed = Replay(directory, category, symbol);
                Assert.Equal(recorded, replayed);
            }
        }

        Assert.Contains(quotes, q => q.Category == MarketCategory.Linear && q.FundingRate is not null && q.NextFundingTimeMs is not null);
        Assert.DoesNotContain(quotes, q => q.Category == MarketCategory.Spot && q.FundingRate is not null);
    }

    // The frames through the replayer (as 'arbbot replay' runs it): no gaps and no malformed lines allowed.
    private static List<(decimal, decimal, decimal, decimal)> Replay(string directory, MarketCategory category, string symbol)
    {
        var files = Directory.GetFiles(directory, $"frames-{category.ToWireName()}-*.jsonl").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var output = new StringWriter();
        var diagnostics = new StringWriter();
        var summary = new FrameReplayer(category, output, diagnostics).Run(
            new StringReader(string.Concat(files.Select(File.ReadAllText))));
        Assert.True(summary.Gaps == 0 && summary.Malformed == 0, $"{category} frames do not replay cleanly:\n{diagnostics}");

        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[1] == symbol)
            .Select(c => (Number(c[2]), Number(c[3]), Number(c[4]), Number(c[5])))];
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
