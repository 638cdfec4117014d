namespace Arb.Engine.Backtest;

/// <summary>Why a row of a quote file was rejected.</summary>
public enum BadRowReason
{
    /// <summary>A required column (symbol, bid, ask) is empty or the row is too short to hold it.</summary>
    MissingField,

    /// <summary>A price, quantity, funding rate or time that does not parse.</summary>
    NotANumber,

    /// <summary>Bid above ask (a crossed book).</summary>
    BidAboveAsk,

    /// <summary>A negative bid or ask quantity.</summary>
    NegativeQuantity,

    /// <summary>A timestamp earlier than the previous row's in the same file.</summary>
    TimeWentBackwards,

    /// <summary>A <c>category</c> value other than <c>spot</c> or <c>linear</c>.</summary>
    UnknownCategory,
}
