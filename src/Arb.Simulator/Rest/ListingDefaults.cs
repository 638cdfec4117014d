namespace Arb.Simulator.Rest;

/// <summary>
/// Listing details that instruments-info publishes but the market model does not carry. The values are Bybit's
/// own for BTCUSDT (docs examples), so clients see realistic numbers.
/// </summary>
internal static class ListingDefaults
{
    /// <summary>BTCUSDT perpetual's launch, 2020-03-30 UTC; every simulated perpetual claims it.</summary>
    public const long LaunchTimeMs = 1_585_526_400_000;

    public const string MinLeverage = "1";
    public const string MaxLeverage = "100.00";
    public const string LeverageStep = "0.01";

    /// <summary>Bybit's maxPrice is this many ticks (1999999.80 at tick 0.10, 199999.98 at tick 0.01).</summary>
    public const long MaxPriceTicks = 19_999_998;

    /// <summary>The model has one size limit, the market-order maximum; limit orders get twice it (BTCUSDT spot: 83 vs 41.5).</summary>
    public const decimal LimitToMarketQtyRatio = 2m;

    public const string SpotQuotePrecision = "0.0000001";
    public const string SpotMaxOrderAmt = "8000000";

    public const string LinearPriceLimitRatioX = "0.01";
    public const string LinearPriceLimitRatioY = "0.02";
    public const string SpotPriceLimitRatioX = "0.005";
    public const string SpotPriceLimitRatioY = "0.01";
}
