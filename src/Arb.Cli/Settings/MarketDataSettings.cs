using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Arb.Cli.Settings;

/// <summary>What to subscribe to and when a silent stream counts as dead.</summary>
public sealed partial record MarketDataSettings
{
    private static readonly KeyValuePair<string, int>[] Depths = [new("1", 1), new("50", 50), new("200", 200), new("1000", 1000)];

    /// <summary>Pairs traded on both spot and USDT perpetual, uppercase, without duplicates, in the configured order.</summary>
    public required ImmutableArray<string> Symbols { get; init; }

    /// <summary>Order book levels per side; one of the depths Bybit publishes for both spot and linear.</summary>
    public required int OrderBookDepth { get; init; }

    /// <summary>How long without any market data before the WebSocket is reconnected.</summary>
    public required TimeSpan LivenessTimeout { get; init; }

    internal static MarketDataSettings Read(SettingReader reader)
    {
        // Both names are accepted: the description uses each once. Both are validated; the WS_ one wins when both are set.
        var legacy = reader.Seconds(SettingNames.LivenessTimeout, SettingDefaults.LivenessTimeoutSeconds);
        var liveness = reader.IsSet(SettingNames.WsLivenessTimeout)
            ? reader.Seconds(SettingNames.WsLivenessTimeout, SettingDefaults.LivenessTimeoutSeconds)
            : legacy;

        return new MarketDataSettings
        {
            Symbols = ReadSymbols(reader),
            OrderBookDepth = reader.Choice(SettingNames.OrderBookDepth, SettingDefaults.OrderBookDepth, Depths),
            LivenessTimeout = liveness,
        };
    }

    private static ImmutableArray<string> ReadSymbols(SettingReader reader)
    {
        var raw = reader.Raw(SettingNames.Symbols) ?? SettingDefaults.Symbols;
        var symbols = ImmutableArray.CreateBuilder<string>();
        foreach (var item in reader.List(SettingNames.Symbols, SettingDefaults.Symbols))
        {
            var symbol = item.ToUpperInvariant();
            if (!SymbolPattern().IsMatch(symbol))
            {
                throw SettingsException.NotAllowed(
                    SettingNames.Symbols, raw, $"comma-separated USDT pairs such as BTCUSDT,ETHUSDT (\"{item}\" is not one)");
            }

            if (!symbols.Contains(symbol))
            {
                symbols.Add(symbol);
            }
        }

        if (symbols.Count == 0)
        {
            throw SettingsException.NotAllowed(SettingNames.Symbols, raw, "at least one symbol, such as BTCUSDT");
        }

        return symbols.ToImmutable();
    }

    // The same name must exist as a spot pair and a linear USDT perpetual; separators like BTC-USDT never do on Bybit.
    [GeneratedRegex("^[A-Z0-9]{2,20}USDT$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();

    // The generated ToString would print the array's type name instead of the symbols.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Symbols = [").AppendJoin(", ", Symbols.IsDefault ? [] : Symbols).Append(']');
        builder.Append(", OrderBookDepth = ").Append(OrderBookDepth);
        builder.Append(", LivenessTimeout = ").Append(LivenessTimeout);
        return true;
    }
}
