using System.Globalization;
using System.Text;

namespace Arb.Benchmarks;

/// <summary>
/// Writes a realistic backtest quote file, streamed row by row so any size fits: BTCUSDT and ETHUSDT, spot and linear
/// rows interleaved in time order about 2 ms apart (the density of the recorded Binance captures), prices written
/// with eight decimals as <c>arbbot import</c> writes them, top-of-book sizes, and funding on the linear rows. The
/// prices random-walk; each coin's basis mean-reverts around zero with now and then a spike of 40-60 bps that
/// crosses the default entry threshold (20 bps net of 15.5 bps fees), so the run opens and later closes trades.
/// </summary>
internal static class QuoteFileGenerator
{
    public const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";
    public const long StartMs = 1_723_161_254_000; // 2024-08-08, the day of the recorded captures

    private const long FundingIntervalMs = 8 * 3_600_000L;

    public static void Write(string path, int rows, int seed = 11)
    {
        var random = new Random(seed);
        Coin[] coins = [new("BTCUSDT", 61_000.0, 0.01), new("ETHUSDT", 2_650.0, 0.01)];
        var timeMs = StartMs;
        var nextFunding = StartMs - (StartMs % FundingIntervalMs) + FundingIntervalMs;
        var line = new StringBuilder(128);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            timeMs += random.Next(0, 5);
            if (timeMs >= nextFunding)
            {
                nextFunding += FundingIntervalMs;
            }

            var coin = coins[random.Next(coins.Length)];
            var linear = random.Next(2) == 1;
            coin.Step(random);
            var mid = coin.Price * (linear ? 1 + (coin.BasisBps / 10_000) : 1);
            var bid = Math.Round(mid / coin.Tick) * coin.Tick;
            var ask = bid + (coin.Tick * (random.Next(4) == 0 ? 2 : 1));
            line.Clear();
            line.Append(timeMs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(coin.Symbol).Append(',')
                .Append(linear ? "linear" : "spot").Append(',')
                .Append(bid.ToString("F8", CultureInfo.InvariantCulture)).Append(',')
                .Append((random.NextDouble() * 4).ToString("F8", CultureInfo.InvariantCulture)).Append(',')
                .Append(ask.ToString("F8", CultureInfo.InvariantCulture)).Append(',')
                .Append((random.NextDouble() * 4).ToString("F8", CultureInfo.InvariantCulture)).Append(',');
            if (linear)
            {
                line.Append("0.00010000,").Append(nextFunding.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                line.Append(',');
            }

            writer.Write(line);
            writer.Write('\n');
        }
    }

    private sealed class Coin(string symbol, double price, double tick)
    {
        public string Symbol { get; } = symbol;

        public double Tick { get; } = tick;

        public double Price { get; private set; } = price;

        public double BasisBps { get; private set; }

        public void Step(Random random)
        {
            Price *= 1 + (Gaussian(random) * 0.00002);
            BasisBps = (BasisBps * 0.998) + (Gaussian(random) * 0.5);
            if (random.Next(20_000) == 0)
            {
                BasisBps = 40 + (random.NextDouble() * 20); // a dislocation the strategy can trade
            }
        }

        private static double Gaussian(Random random) =>
            Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
