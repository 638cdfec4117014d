using System.Text.Json;
using Arb.Engine.Risk;
using Arb.Engine.State;

namespace Arb.UnitTests.Engine.State;

public sealed class StateJsonTests
{
    [Fact]
    public void A_round_trip_keeps_every_decimal_digit_for_digit_scale_included()
    {
        var state = StateSamples.Create();

        var back = JsonSerializer.Deserialize(StateSamples.Bytes(state), StateJsonContext.Default.BotState)!;

        Assert.Equal(StateSamples.Json(state), StateSamples.Json(back));
        var spot = back.Symbols[0].Spot;
        Assert.Equal(1234567890.123456789012345678m, spot.Realized);
        Assert.Equal(0.00000000000000000001m, spot.Lots[1].Price);
        Assert.Equal(7922816251426433759354395033.5m, spot.Lots[2].Price);
        Assert.Equal(decimal.GetBits(0.0000000000000000000000000001m), decimal.GetBits(back.Symbols[0].FeesUsd));
        Assert.Equal(decimal.MaxValue, back.Risk.PeakPnlUsd);
        Assert.Equal(decimal.MinValue, back.Risk.DayStartPnlUsd);
        Assert.Equal(12.000000000000000000000001m, back.Risk.SymbolPeakPnlUsd["BTCUSDT"]);
        Assert.Null(back.InFlightOrders[1].LimitPrice);
        Assert.Null(back.InFlightOrders[1].SentAtMs);
        Assert.Equal(state.SavedAt, back.SavedAt);
    }

    [Fact]
    public void Each_awkward_decimal_survives_exactly_including_its_scale()
    {
        foreach (var value in StateSamples.Awkward)
        {
            var state = StateSamples.Create() with { Risk = RiskStateSnapshot.Empty with { DayStartPnlUsd = value, PeakPnlUsd = value } };

            var back = JsonSerializer.Deserialize(StateSamples.Bytes(state), StateJsonContext.Default.BotState)!;

            Assert.Equal(decimal.GetBits(value), decimal.GetBits(back.Risk.DayStartPnlUsd));
            Assert.Equal(decimal.GetBits(value), decimal.GetBits(back.Risk.PeakPnlUsd));
        }
    }

    [Fact]
    public void Decimals_are_written_as_strings_enums_by_name_and_the_version_first()
    {
        var json = StateSamples.Json(StateSamples.Create());

        Assert.StartsWith("{\n  \"schemaVersion\": 1,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"price\": \"65010.50\"", json, StringComparison.Ordinal);
        Assert.Contains("\"price\": \"0.00000000000000000001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"category\": \"Linear\"", json, StringComparison.Ordinal);
        Assert.Contains("\"side\": \"Sell\"", json, StringComparison.Ordinal);
        Assert.Contains("\"limitPrice\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"day\": \"2025-03-01\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("E-", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("65010.5")] // a bare JSON number: could have passed through a double somewhere
    [InlineData("\"1e-20\"")]
    [InlineData("\"1,000.5\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"\"")]
    [InlineData("\"79228162514264337593543950336\"")] // one past decimal.MaxValue
    public void A_decimal_in_any_other_form_is_refused(string written)
    {
        var json = StateSamples.Json(StateSamples.Create()).Replace("\"65010.50\"", written, StringComparison.Ordinal);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, StateJsonContext.Default.BotState));
    }
}
