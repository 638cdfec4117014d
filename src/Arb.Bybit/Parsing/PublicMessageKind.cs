namespace Arb.Bybit.Parsing;

/// <summary>What one public-stream frame turned out to be.</summary>
public enum PublicMessageKind
{
    /// <summary>Not JSON, or JSON without the fields its kind requires.</summary>
    Malformed,

    /// <summary><c>orderbook.{depth}.{symbol}</c> snapshot or delta.</summary>
    OrderBook,

    /// <summary><c>tickers.{symbol}</c> snapshot or delta.</summary>
    Ticker,

    /// <summary>A data message of a topic this bot does not use (e.g. <c>publicTrade</c>).</summary>
    OtherTopic,

    /// <summary>A heartbeat answer: <c>op</c> "pong", or <c>ret_msg</c> "pong".</summary>
    Pong,

    /// <summary>A successful answer to subscribe, unsubscribe or another command.</summary>
    CommandAck,

    /// <summary>A command answer with <c>success:false</c>.</summary>
    CommandFailed,
}
