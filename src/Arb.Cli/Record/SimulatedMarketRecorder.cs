using System.Diagnostics;
using System.Globalization;
using Arb.Domain.Books;
using Arb.Domain.Market;
using Arb.Simulator.Market;

namespace Arb.Cli.Record;

/// <summary>
/// <c>arbbot record --sim-hours</c>: runs the embedded simulator's own market model (<see cref="SimMarket"/>, the
/// options <c>arbbot sim</c> and <c>run</c> use, seeded from <c>--seed</c>) on a simulated clock at full speed and
/// writes its top of book into the same daily quotes CSVs as a live recording (<see cref="DailyRecordingFiles"/>).
/// Nothing listens or connects, so there are no raw frames. Same request, same bytes: the model is seeded and
/// the clock is simulated.
/// </summary>
internal static class SimulatedMarketRecorder
{
    private const long HourMs = 3_600_000;

    // Checked between steps this often (one simulated minute at 50 ms): often enough for Ctrl+C to feel prompt.
    private const int StepsBetweenCancelChecks = 1_200;

    /// <summary>Generates the whole span (or up to Ctrl+C); prints a line per simulated hour to <paramref name="progress"/>.</summary>
    public static SimulatedRecordingSummary Record(SimulatedRecordingRequest request, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var started = Stopwatch.GetTimestamp();

        // The defaults are the live simulator's (RunCommand starts it with new SimulatorOptions); only the seed is ours.
        var options = new SimMarketOptions { Seed = request.Seed };
        var market = new SimMarket(request.Symbols.Select(SimInstrument.For), options, request.StartMs);
        var markets = request.Symbols.Select(s => new MarketRows(market.Find(s)!)).ToArray();
        var stepMs = (long)options.Step.TotalMilliseconds;

        var nowMs = request.StartMs;
        var steps = 0L;
        var settlements = 0;
        var nextHourMs = request.StartMs + HourMs;
        var stopped = false;
        IReadOnlyList<string> files;
        using (var writer = new DailyRecordingFiles(request.Directory))
        {
            // The opening book first, as a live recording starts with the snapshot it subscribed to.
            WriteStep(writer, markets, nowMs);
            while (nowMs + stepMs <= request.EndMs)
            {
                if (steps % StepsBetweenCancelChecks == 0 && ct.IsCancellationRequested)
                {
                    stopped = true;
                    break;
                }

                nowMs += stepMs;
                steps++;
                settlements += market.Step(nowMs).Count; // no accounts to pay: only counted
                WriteStep(writer, markets, nowMs);
                if (nowMs >= nextHourMs)
                {
                    progress.WriteLine(Invariant(
                        $"  simulated hour {(nextHourMs - request.StartMs) / HourMs} of {request.Hours:0.###} ({SimulatedRecordingSummary.Time(nowMs)}), {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
                    progress.Flush();
                    nextHourMs += HourMs;
                }
            }

            writer.Flush();
            files = [.. writer.Files];
        }

        var rows = new Dictionary<(string, MarketCategory), long>();
        foreach (var symbol in markets)
        {
            rows[(symbol.Symbol, MarketCategory.Spot)] = symbol.Rows;
            rows[(symbol.Symbol, MarketCategory.Linear)] = symbol.Rows;
        }

        return new SimulatedRecordingSummary(request, nowMs, steps, stepMs, rows, settlements, files, Stopwatch.GetElapsedTime(started), stopped);
    }

    private static void WriteStep(DailyRecordingFiles writer, MarketRows[] markets, long nowMs)
    {
        foreach (var symbol in markets)
        {
            symbol.Write(writer, nowMs);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One symbol's two rows per step: spot, then linear with the funding the linear ticker would show.</summary>
    private sealed class MarketRows(SimSymbolMarket market)
    {
        private decimal _rawRate = decimal.MinValue;
        private decimal _publishedRate;

        public string Symbol => market.Instrument.Symbol;

        /// <summary>Rows written per category (both categories get one every step).</summary>
        public long Rows { get; private set; }

        public void Write(DailyRecordingFiles writer, long nowMs)
        {
            var spot = market.Spot;
            var linear = market.Linear;
            writer.WriteQuote(new RecordedItem(RecordedKind.Quote, nowMs, MarketCategory.Spot, Symbol, Top(spot, spot.Bids), Top(spot, spot.Asks)));
            writer.WriteQuote(new RecordedItem(
                RecordedKind.Quote, nowMs, MarketCategory.Linear, Symbol, Top(linear, linear.Bids), Top(linear, linear.Asks), PublishedRate(), market.NextFundingTimeMs));
            Rows++;
        }

        // The model's books always hold levels on both sides (the top level of each is always present).
        private static PriceLevel Top(SimBook book, SimBookSide side)
        {
            var (ticks, size) = side[0];
            return new PriceLevel(book.Price(ticks), size);
        }

        // The rate as the ticker publishes it ("0.########", no trailing zeros) and a live recording parses it back.
        private decimal PublishedRate()
        {
            var rate = market.FundingRate;
            if (rate != _rawRate)
            {
                _rawRate = rate;
                _publishedRate = decimal.Parse(rate.ToString("0.########", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            return _publishedRate;
        }
    }
}
