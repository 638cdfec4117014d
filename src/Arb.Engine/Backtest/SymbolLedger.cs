using Arb.Engine.Execution;

namespace Arb.Engine.Backtest;

/// <summary>What the report counts for one symbol while the run goes: trades, fills, volume, round trips, time held, its PnL series.</summary>
internal sealed class SymbolLedger(string symbol, decimal equityUsd)
{
    private long? _heldSinceMs;

    public string Symbol { get; } = symbol;

    public int Opens { get; private set; }

    public int Closes { get; private set; }

    public int RoundTrips { get; private set; }

    public int Wins { get; private set; }

    public int Fills { get; private set; }

    public decimal VolumeUsd { get; private set; }

    public long HeldMs { get; private set; }

    /// <summary>Whether a perp position is open now.</summary>
    public bool IsHeld => _heldSinceMs is not null;

    public PnlTracker Pnl { get; } = new(equityUsd);

    public void Decided(PairKind kind)
    {
        if (kind == PairKind.Close)
        {
            Closes++;
        }
        else
        {
            Opens++;
        }
    }

    public void Filled(decimal quantity, decimal price)
    {
        Fills++;
        VolumeUsd += quantity * price;
    }

    public void RoundTrip(decimal netPnl)
    {
        RoundTrips++;
        if (netPnl > 0m)
        {
            Wins++;
        }
    }

    /// <summary>The perp position after a fill: time in market runs while it is not zero.</summary>
    public void Position(decimal perpQuantity, long nowMs)
    {
        if (perpQuantity != 0m)
        {
            _heldSinceMs ??= nowMs;
        }
        else if (_heldSinceMs is { } since)
        {
            HeldMs += nowMs - since;
            _heldSinceMs = null;
        }
    }

    /// <summary>Closes the open holding period at the end of the data.</summary>
    public void End(long endMs)
    {
        if (_heldSinceMs is { } since)
        {
            HeldMs += Math.Max(0, endMs - since);
            _heldSinceMs = endMs;
        }
    }
}
