namespace Arb.Simulator.Market;

/// <summary>
/// One coin as the simulator lists it on both markets, with the shapes Bybit gives BTCUSDT and ETHUSDT
/// (tick sizes, lot sizes, minimums) and the starting price of the synthetic market.
/// </summary>
public sealed record SimInstrument(
    string Symbol,
    string BaseCoin,
    decimal StartPrice,
    decimal SpotTickSize,
    decimal SpotBasePrecision,
    decimal SpotMinOrderQty,
    decimal SpotMinOrderAmt,
    decimal SpotMaxMarketOrderQty,
    decimal LinearTickSize,
    decimal LinearQtyStep,
    decimal LinearMinOrderQty,
    decimal LinearMinNotional,
    decimal LinearMaxMarketOrderQty,
    decimal TypicalLevelSize)
{
    public const string QuoteCoin = "USDT";

    public static SimInstrument Btc { get; } = new(
        "BTCUSDT", "BTC", 65_000m,
        SpotTickSize: 0.01m, SpotBasePrecision: 0.000001m, SpotMinOrderQty: 0.000011m, SpotMinOrderAmt: 5m, SpotMaxMarketOrderQty: 41.5m,
        LinearTickSize: 0.10m, LinearQtyStep: 0.001m, LinearMinOrderQty: 0.001m, LinearMinNotional: 5m, LinearMaxMarketOrderQty: 500m,
        TypicalLevelSize: 0.25m);

    public static SimInstrument Eth { get; } = new(
        "ETHUSDT", "ETH", 3_200m,
        SpotTickSize: 0.01m, SpotBasePrecision: 0.00001m, SpotMinOrderQty: 0.00062m, SpotMinOrderAmt: 5m, SpotMaxMarketOrderQty: 1_000m,
        LinearTickSize: 0.01m, LinearQtyStep: 0.01m, LinearMinOrderQty: 0.01m, LinearMinNotional: 5m, LinearMaxMarketOrderQty: 7_240m,
        TypicalLevelSize: 3m);

    /// <summary>
    /// The listing for a symbol: the two real shapes for BTC and ETH; any other USDT pair gets ETH's shape at a
    /// price of 100 so a user can try their own symbol list.
    /// </summary>
    public static SimInstrument For(string symbol) => symbol switch
    {
        "BTCUSDT" => Btc,
        "ETHUSDT" => Eth,
        _ => Eth with
        {
            Symbol = symbol,
            BaseCoin = symbol[..^QuoteCoin.Length],
            StartPrice = 100m,
            SpotMinOrderQty = 0.1m,
            TypicalLevelSize = 100m,
        },
    };
}
