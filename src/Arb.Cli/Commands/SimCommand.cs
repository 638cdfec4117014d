using System.CommandLine;
using System.Globalization;
using Arb.Simulator;
using Arb.Simulator.Auth;
using Arb.Simulator.Quotes;
using Arb.Simulator.Market;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot sim</c>: the Bybit-compatible exchange simulator on its own.</summary>
internal static class SimCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Loopback port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8090 };
        var symbols = new Option<string>("--symbols") { Description = "Comma-separated USDT pairs to list", DefaultValueFactory = _ => "BTCUSDT,ETHUSDT" };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic market (same seed, same market)", DefaultValueFactory = _ => 1 };
        var funding = new Option<string>("--funding-interval")
        {
            Description = "Funding interval: seconds, or a value with s/m/h (e.g. 30s, 8h)",
            DefaultValueFactory = _ => "8h",
        };

        var quotes = new Option<FileInfo?>("--quotes")
        {
            Description = "Drive prices from recorded quotes (CSV: symbol,bid,ask,category[,timestamp,bid_qty,ask_qty]); lists the file's symbols",
        };
        var apiKeys = new Option<string[]>("--api-key") { Description = "Adds an account with this API key (repeatable; pair each with --api-secret)", AllowMultipleArgumentsPerToken = false };
        var apiSecrets = new Option<string[]>("--api-secret") { Description = "The secret of the --api-key at the same position" };

        var command = new Command(
            "sim",
            "Run the Bybit-compatible exchange simulator on loopback: V5 REST (market, orders, positions, wallet) and the public and private " +
            "streams, driven by a synthetic market or recorded quotes. Point the bot at it with BYBIT_REST_URL and BYBIT_WS_URL. " +
            "Ctrl+C stops it.");
        command.Options.Add(port);
        command.Options.Add(symbols);
        command.Options.Add(seed);
        command.Options.Add(funding);
        command.Options.Add(quotes);
        command.Options.Add(apiKeys);
        command.Options.Add(apiSecrets);
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseInterval(parse.GetValue(funding), out var interval))
            {
                await Console.Error.WriteLineAsync($"sim: --funding-interval \"{parse.GetValue(funding)}\" is not allowed: expected seconds or a number with s, m or h, at least 1s");
                return ExitCodes.BadConfiguration;
            }

            var list = parse.GetValue(symbols)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToUpperInvariant()).Distinct().ToArray();
            if (list.Length == 0 || list.Any(s => !s.EndsWith("USDT", StringComparison.Ordinal) || s.Length < 6 || !s.All(char.IsAsciiLetterOrDigit)))
            {
                await Console.Error.WriteLineAsync($"sim: --symbols \"{parse.GetValue(symbols)}\" is not allowed: expected USDT pairs such as BTCUSDT,ETHUSDT");
                return ExitCodes.BadConfiguration;
            }

            IReadOnlyList<RecordedQuote>? recorded = null;
            if (parse.GetValue(quotes) is { } quoteFile)
            {
                try
                {
                    recorded = RecordedQuoteFile.Load(quoteFile.FullName);
                    list = [.. recorded.Select(q => q.Symbol).Distinct()];
                }
                catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"sim: --quotes: {ex.Message}");
                    return ExitCodes.BadConfiguration;
                }
            }

            var keys = parse.GetValue(apiKeys) ?? [];
            var secrets = parse.GetValue(apiSecrets) ?? [];
            if (keys.Length != secrets.Length || keys.Concat(secrets).Any(string.IsNullOrWhiteSpace))
            {
                await Console.Error.WriteLineAsync($"sim: --api-key and --api-secret must come in pairs ({keys.Length} keys, {secrets.Length} secrets)");
                return ExitCodes.BadConfiguration;
            }

            var options = new SimulatorOptions
            {
                Port = parse.GetValue(port),
                Symbols = list,
                Market = new SimMarketOptions { Seed = parse.GetValue(seed), FundingInterval = interval },
                Credentials = [.. keys.Zip(secrets, (k, s) => new SimCredentials(k, s))],
            };
            await using var server = await SimulatorServer.StartAsync(options, ct: ct);
            if (recorded is not null)
            {
                lock (server.Market.Gate)
                {
                    server.Market.ReplayQuotes(recorded);
                }

                Console.WriteLine($"replaying {recorded.Count} recorded quotes, then the synthetic market carries on");
            }

            Console.WriteLine($"simulator listening; symbols {string.Join(',', list)}, seed {options.Market.Seed}, funding every {interval}");
            Console.WriteLine($"  BYBIT_REST_URL={server.RestUri}");
            Console.WriteLine($"  BYBIT_WS_URL={server.WebSocketUri}");
            Console.WriteLine($"  sandbox credentials: BYBIT_API_KEY={SimCredentials.Sandbox.ApiKey} BYBIT_API_SECRET={SimCredentials.Sandbox.ApiSecret}");
            if (keys.Length > 0)
            {
                Console.WriteLine($"  also accepting the API keys: {string.Join(", ", keys)}");
            }

            Console.WriteLine("  every new account starts with 100000 USDT, 1 BTC and 10 ETH; fault switches under /sim/ (see README)");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static bool TryParseInterval(string? text, out TimeSpan interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim().ToLowerInvariant();
        var unit = text[^1] switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, _ => 0.0 };
        var number = unit == 0.0 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return false;
        }

        interval = TimeSpan.FromSeconds(value * (unit == 0.0 ? 1.0 : unit));
        return interval >= TimeSpan.FromSeconds(1) && interval <= TimeSpan.FromDays(7);
    }
}
