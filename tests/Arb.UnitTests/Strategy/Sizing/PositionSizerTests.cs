using Arb.Strategy.Sizing;

namespace Arb.UnitTests.Strategy.Sizing;

public sealed class PositionSizerTests
{
    // Risk budget 10,000 × 0.006 = 60 USD; at 10 bps and the default multiple of 3 the adverse move is 0.003,
    // so the risk-based notional is 60 / 0.003 = 20,000 USD.
    private static readonly SizingLimits Limits = new(accountEquityUsd: 10_000m, riskPerTrade: 0.006m, maxPositionUsd: 100_000m);

    // Bybit BTCUSDT-like rules: spot trades in 0.000001, the perpetual in 0.001.
    private static readonly LotRules SpotLot = new(QtyStep: 0.000001m, MinQty: 0.000048m, MinNotional: 5m);
    private static readonly LotRules PerpLot = new(QtyStep: 0.001m, MinQty: 0.001m, MinNotional: 5m);

    private static SizingInput Input(
        double volatilityBps = 10,
        decimal price = 40_000m,
        decimal depth = 10m,
        decimal? room = null,
        SizingLimits? limits = null,
        LotRules? spot = null,
        LotRules? perp = null) =>
        new(limits ?? Limits, volatilityBps, price, spot ?? SpotLot, perp ?? PerpLot, depth, room);

    private static SizeDecision Size(SizingInput input) => PositionSizer.Size(in input);

    [Fact]
    public void Risk_budget_over_the_volatility_scaled_move_sets_the_size()
    {
        var decision = Size(Input());

        Assert.True(decision.CanTrade);
        Assert.Equal(0.5m, decision.Quantity);
        Assert.Equal(20_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Fact]
    public void Higher_volatility_gives_a_proportionally_smaller_size()
    {
        // 40 bps × 3 = 0.012; 60 / 0.012 = 5,000 USD.
        var decision = Size(Input(volatilityBps: 40));

        Assert.Equal(0.125m, decision.Quantity);
        Assert.Equal(5_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Fact]
    public void Multiple_of_the_volatility_is_configurable()
    {
        // 10 bps × 5 = 0.005; 60 / 0.005 = 12,000 USD.
        var limits = new SizingLimits(10_000m, 0.006m, 100_000m, volatilityMultiple: 5m);
        var decision = Size(Input(limits: limits));

        Assert.Equal(0.3m, decision.Quantity);
        Assert.Equal(12_000m, decision.Notional);
    }

    [Fact]
    public void Risk_size_is_rounded_down_to_the_perp_step()
    {
        // 20,000 / 30,000 = 0.666…, which only the spot step could carry.
        var decision = Size(Input(price: 30_000m));

        Assert.Equal(0.666m, decision.Quantity);
        Assert.Equal(19_980m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Quiet_basis_is_floored_at_the_minimum_volatility(double volatilityBps)
    {
        // Floor 2 bps × 3 = 0.0006; 60 / 0.0006 = 100,000 USD.
        var decision = Size(Input(volatilityBps: volatilityBps, depth: 100m));

        Assert.Equal(2.5m, decision.Quantity);
        Assert.Equal(100_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Fact]
    public void Floor_is_configurable()
    {
        // Floor 5 bps × 3 = 0.0015; 60 / 0.0015 = 40,000 USD.
        var limits = new SizingLimits(10_000m, 0.006m, 100_000m, minVolatilityBps: 5m);
        var decision = Size(Input(volatilityBps: 1, limits: limits));

        Assert.Equal(1m, decision.Quantity);
        Assert.Equal(40_000m, decision.Notional);
    }

    [Fact]
    public void Max_position_caps_the_risk_size()
    {
        var limits = new SizingLimits(10_000m, 0.006m, maxPositionUsd: 5_000m);
        var decision = Size(Input(limits: limits));

        Assert.Equal(0.125m, decision.Quantity);
        Assert.Equal(5_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.MaxPosition, decision.LimitedBy);
    }

    [Fact]
    public void Room_left_in_the_symbol_caps_the_size()
    {
        var decision = Size(Input(room: 2_000m));

        Assert.Equal(0.05m, decision.Quantity);
        Assert.Equal(2_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Room, decision.LimitedBy);
    }

    [Fact]
    public void Room_equal_to_max_position_reports_max_position()
    {
        var limits = new SizingLimits(10_000m, 0.006m, maxPositionUsd: 5_000m);
        var decision = Size(Input(limits: limits, room: 5_000m));

        Assert.Equal(0.125m, decision.Quantity);
        Assert.Equal(SizeLimitedBy.MaxPosition, decision.LimitedBy);
    }

    [Fact]
    public void Room_larger_than_the_risk_size_does_not_bind()
    {
        var decision = Size(Input(room: 50_000m));

        Assert.Equal(0.5m, decision.Quantity);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-150")]
    public void No_room_left_means_no_trade(string room)
    {
        var decision = Size(Input(room: decimal.Parse(room)));

        Assert.False(decision.CanTrade);
        Assert.Equal(0m, decision.Quantity);
        Assert.Equal(0m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Room, decision.LimitedBy);
    }

    [Fact]
    public void Visible_depth_caps_the_quantity()
    {
        var decision = Size(Input(depth: 0.3m));

        Assert.Equal(0.3m, decision.Quantity);
        Assert.Equal(12_000m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Depth, decision.LimitedBy);
    }

    [Fact]
    public void Depth_cap_is_rounded_down_so_the_order_stays_within_the_book()
    {
        var decision = Size(Input(depth: 0.3049m));

        Assert.Equal(0.304m, decision.Quantity);
        Assert.Equal(12_160m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Depth, decision.LimitedBy);
    }

    [Fact]
    public void Empty_depth_means_no_trade()
    {
        var decision = Size(Input(depth: 0m));

        Assert.False(decision.CanTrade);
        Assert.Equal(SizeLimitedBy.Depth, decision.LimitedBy);
    }

    [Fact]
    public void Steps_that_are_not_powers_of_ten_round_to_their_least_common_multiple()
    {
        // 0.002 and 0.003 → 0.006; 0.5 / 0.006 = 83.3 → 83 × 0.006 = 0.498.
        var decision = Size(Input(spot: new LotRules(0.002m, 0m, 0m), perp: new LotRules(0.003m, 0m, 0m)));

        Assert.Equal(0.498m, decision.Quantity);
        Assert.Equal(19_920m, decision.Notional);
        Assert.Equal(SizeLimitedBy.Risk, decision.LimitedBy);
    }

    [Fact]
    public void Coarser_step_on_the_spot_side_is_used_too()
    {
        var decision = Size(Input(price: 30_000m, spot: new LotRules(0.01m, 0m, 0m)));

        Assert.Equal(0.66m, decision.Quantity);
        Assert.Equal(19_800m, decision.Notional);
    }

    [Fact]
    public void Below_the_spot_minimum_quantity_means_no_trade()
    {
        var decision = Size(Input(spot: SpotLot with { MinQty = 0.6m }));

        Assert.False(decision.CanTrade);
        Assert.Equal(0m, decision.Quantity);
        Assert.Equal(0m, decision.Notional);
        Assert.Equal(SizeLimitedBy.BelowMinQuantity, decision.LimitedBy);
    }

    [Fact]
    public void Below_the_perp_minimum_quantity_means_no_trade()
    {
        var decision = Size(Input(perp: PerpLot with { MinQty = 0.501m }));

        Assert.False(decision.CanTrade);
        Assert.Equal(SizeLimitedBy.BelowMinQuantity, decision.LimitedBy);
    }

    [Fact]
    public void Exactly_the_minimum_quantity_trades()
    {
        var decision = Size(Input(perp: PerpLot with { MinQty = 0.5m }));

        Assert.Equal(0.5m, decision.Quantity);
    }

    [Fact]
    public void Quantity_that_rounds_to_zero_means_no_trade_even_without_a_minimum()
    {
        var decision = Size(Input(depth: 0.0009m, spot: new LotRules(0.000001m, 0m, 0m), perp: new LotRules(0.001m, 0m, 0m)));

        Assert.False(decision.CanTrade);
        Assert.Equal(SizeLimitedBy.BelowMinQuantity, decision.LimitedBy);
    }

    [Fact]
    public void Below_the_spot_minimum_notional_means_no_trade()
    {
        var decision = Size(Input(spot: SpotLot with { MinNotional = 20_000.01m }));

        Assert.False(decision.CanTrade);
        Assert.Equal(0m, decision.Notional);
        Assert.Equal(SizeLimitedBy.BelowMinNotional, decision.LimitedBy);
    }

    [Fact]
    public void Below_the_perp_minimum_notional_means_no_trade()
    {
        // Depth leaves 0.0001 BTC on a finer perp step: 4 USD, under the 5 USD minimum.
        var decision = Size(Input(depth: 0.0001m, spot: SpotLot with { MinNotional = 0m }, perp: new LotRules(0.0001m, 0.0001m, 5m)));

        Assert.False(decision.CanTrade);
        Assert.Equal(SizeLimitedBy.BelowMinNotional, decision.LimitedBy);
    }

    [Fact]
    public void Exactly_the_minimum_notional_trades()
    {
        var decision = Size(Input(spot: SpotLot with { MinNotional = 20_000m }));

        Assert.Equal(0.5m, decision.Quantity);
        Assert.Equal(20_000m, decision.Notional);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_volatility_is_rejected(double volatilityBps)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(volatilityBps: volatilityBps)));
    }

    [Fact]
    public void Huge_volatility_gives_no_trade_rather_than_an_overflow()
    {
        var decision = Size(Input(volatilityBps: 1e300));

        Assert.False(decision.CanTrade);
        Assert.Equal(SizeLimitedBy.BelowMinQuantity, decision.LimitedBy);
    }

    [Fact]
    public void Invalid_prices_depths_and_lots_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(price: 0m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(depth: -1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(spot: SpotLot with { QtyStep = 0m })));
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(perp: PerpLot with { MinQty = -1m })));
        Assert.Throws<ArgumentOutOfRangeException>(() => Size(Input(perp: PerpLot with { MinNotional = -1m })));
    }

    [Fact]
    public void Limits_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(0m, 0.01m, 1_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(1_000m, 0m, 1_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(1_000m, 1.5m, 1_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(1_000m, 0.01m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(1_000m, 0.01m, 1_000m, volatilityMultiple: 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SizingLimits(1_000m, 0.01m, 1_000m, minVolatilityBps: 0m));
    }

    [Fact]
    public void Limits_default_to_three_deviations_and_a_two_bps_floor()
    {
        var limits = new SizingLimits(10_000m, 0.006m, 100_000m);

        Assert.Equal(3m, limits.VolatilityMultiple);
        Assert.Equal(2m, limits.MinVolatilityBps);
        Assert.Equal(60m, limits.RiskBudgetUsd);
    }

    [Fact]
    public void Sizing_does_not_allocate()
    {
        var trade = Input(price: 30_000m, room: 15_000m);
        var odd = Input(spot: new LotRules(0.002m, 0m, 0m), perp: new LotRules(0.003m, 0m, 0m));
        var none = Input(spot: SpotLot with { MinQty = 5m });
        PositionSizer.Size(in trade);
        PositionSizer.Size(in odd);
        PositionSizer.Size(in none);

        var before = GC.GetAllocatedBytesForCurrentThread();
        decimal sink = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sink += PositionSizer.Size(in trade).Quantity + PositionSizer.Size(in odd).Quantity + PositionSizer.Size(in none).Quantity;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(10_000m * (0.5m + 0.498m), sink);
    }
}
