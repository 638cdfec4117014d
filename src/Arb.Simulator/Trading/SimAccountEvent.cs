namespace Arb.Simulator.Trading;

/// <summary>A change on an account that the private stream will push (topics order, execution, position, wallet).</summary>
public abstract record SimAccountEvent(long TimeMs);

/// <summary>Topic <c>order</c>: the order's state after the change.</summary>
public sealed record SimOrderEvent(long TimeMs, SimOrder Order) : SimAccountEvent(TimeMs);

/// <summary>Topic <c>execution</c> (and <c>execution.fast</c> for trades).</summary>
public sealed record SimExecutionEvent(long TimeMs, SimExecution Execution) : SimAccountEvent(TimeMs);

/// <summary>Topic <c>position</c>.</summary>
public sealed record SimPositionEvent(long TimeMs, SimPositionSnapshot Position) : SimAccountEvent(TimeMs);

/// <summary>Topic <c>wallet</c>: the coins that changed.</summary>
public sealed record SimWalletEvent(long TimeMs, IReadOnlyList<SimCoinSnapshot> Coins) : SimAccountEvent(TimeMs);

/// <summary>A linear position as the <c>position</c> topic reports it (size unsigned, side names the direction).</summary>
public sealed record SimPositionSnapshot(
    string Symbol,
    string Side,
    decimal Size,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal PositionValue,
    int Leverage,
    decimal PositionIM,
    decimal UnrealisedPnl,
    decimal CurRealisedPnl,
    decimal CumRealisedPnl,
    long CreatedTimeMs,
    long UpdatedTimeMs,
    long Seq);

/// <summary>One coin as the <c>wallet</c> topic reports it.</summary>
public sealed record SimCoinSnapshot(
    string Coin,
    decimal WalletBalance,
    decimal Locked,
    decimal Equity,
    decimal UnrealisedPnl,
    decimal CumRealisedPnl,
    decimal TotalPositionIM);
