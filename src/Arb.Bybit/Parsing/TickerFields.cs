namespace Arb.Bybit.Parsing;

/// <summary>
/// The ticker fields the bot uses. Linear deltas carry only what changed, so every field is optional:
/// null means "not in this message" and the stored value stays.
/// </summary>
public struct TickerFields
{
    public decimal? LastPrice;
    public decimal? MarkPrice;
    public decimal? IndexPrice;
    public decimal? FundingRate;
    public long? NextFundingTimeMs;
    public int? FundingIntervalHours;
    public decimal? Bid1Price;
    public decimal? Bid1Size;
    public decimal? Ask1Price;
    public decimal? Ask1Size;
}
