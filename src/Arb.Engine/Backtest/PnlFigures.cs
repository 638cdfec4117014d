namespace Arb.Engine.Backtest;

/// <summary>
/// The result of a run for one symbol, or for the whole account (<see cref="Symbol"/> null). Money in USDT, exact.
/// </summary>
/// <param name="Trades">Two-leg trades executed: opens and closes (each sends a spot and a perp order).</param>
/// <param name="Opens">Trades that opened or added to a position.</param>
/// <param name="Closes">Trades that closed one.</param>
/// <param name="RoundTrips">Closes that left the symbol flat: the units win rate counts.</param>
/// <param name="Fills">Fills booked, hedges included.</param>
/// <param name="VolumeUsd">Traded value over every fill, both legs.</param>
/// <param name="GrossPnlUsd">Price PnL of both legs, realized plus unrealized at the last quotes, before fees and funding.</param>
/// <param name="FeesUsd">Fees paid (spot fees charged in coin valued at the fill price).</param>
/// <param name="FundingUsd">Funding received (negative: paid).</param>
/// <param name="NetPnlUsd">Gross − fees + funding: what the account gained.</param>
/// <param name="UnrealizedUsd">The part of net PnL still open at the end, marked at the last quotes.</param>
/// <param name="MaxDrawdownUsd">Largest fall of the PnL from its running peak, over the equity samples and every fill.</param>
/// <param name="Sharpe">Annualized Sharpe ratio of one-minute PnL changes against ACCOUNT_EQUITY_USD; null under two minutes of data or no variation.</param>
/// <param name="WinRate">Share of round trips with a positive net PnL; null without round trips.</param>
/// <param name="TimeInMarket">Share of the data's time span with a perp position open (for the account: any symbol's).</param>
/// <param name="LegImbalances">Trades whose legs filled unequally and were hedged.</param>
public sealed record PnlFigures(
    string? Symbol,
    int Trades,
    int Opens,
    int Closes,
    int RoundTrips,
    int Fills,
    decimal VolumeUsd,
    decimal GrossPnlUsd,
    decimal FeesUsd,
    decimal FundingUsd,
    decimal NetPnlUsd,
    decimal UnrealizedUsd,
    decimal MaxDrawdownUsd,
    double? Sharpe,
    decimal? WinRate,
    double TimeInMarket,
    long LegImbalances);
