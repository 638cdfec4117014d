namespace Arb.Domain.Alerts;

/// <summary>Why the owner is being told something; alerts are rate-limited per kind.</summary>
public enum AlertKind
{
    /// <summary>A risk limit stopped the bot (or paused it for the day).</summary>
    RiskStop,

    /// <summary>Orders refused by a risk limit, in a burst.</summary>
    OrdersRefused,

    /// <summary>A stream reconnected repeatedly.</summary>
    Reconnects,

    /// <summary>The two legs of a trade filled unequally.</summary>
    LegImbalance,

    /// <summary>The state file was unreadable and the backup was loaded.</summary>
    StateRecovered,

    /// <summary>Start-up reconciliation found the exchange differing from the saved state.</summary>
    Reconciliation,

    /// <summary>Anything else worth a message (start, stop, errors).</summary>
    Notice,
}
