namespace Arb.Strategy.Sizing;

/// <summary>
/// The account-level settings that bound one trade's size (ACCOUNT_EQUITY_USD, RISK_PER_TRADE, MAX_POSITION_USD)
/// and how volatility turns the risk budget into a notional.
/// </summary>
public sealed record SizingLimits
{
    public SizingLimits(
        decimal accountEquityUsd,
        decimal riskPerTrade,
        decimal maxPositionUsd,
        decimal volatilityMultiple = 3m,
        decimal minVolatilityBps = 2m)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountEquityUsd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(riskPerTrade);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(riskPerTrade, 1m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPositionUsd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volatilityMultiple);
        // A zero floor would let a flat basis ask for an unbounded notional.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minVolatilityBps);
        AccountEquityUsd = accountEquityUsd;
        RiskPerTrade = riskPerTrade;
        MaxPositionUsd = maxPositionUsd;
        VolatilityMultiple = volatilityMultiple;
        MinVolatilityBps = minVolatilityBps;
    }

    public decimal AccountEquityUsd { get; }

    /// <summary>The fraction of equity one trade may lose, e.g. 0.01 for 1 %.</summary>
    public decimal RiskPerTrade { get; }

    /// <summary>The largest notional held in one symbol.</summary>
    public decimal MaxPositionUsd { get; }

    /// <summary>How many standard deviations of adverse basis move the risk budget must cover.</summary>
    public decimal VolatilityMultiple { get; }

    /// <summary>The volatility used when the measured one is lower, in basis points.</summary>
    public decimal MinVolatilityBps { get; }

    /// <summary>The loss budget of one trade in USD: equity × risk per trade.</summary>
    public decimal RiskBudgetUsd => AccountEquityUsd * RiskPerTrade;
}
