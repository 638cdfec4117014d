namespace Arb.Cli.Import;

/// <summary>The input formats <c>arbbot import</c> recognises from a file's first line.</summary>
public enum InputFormat
{
    /// <summary><c>&lt;local epoch timestamp&gt; &lt;json&gt;</c> per line, as the hftbacktest Binance collector writes.</summary>
    BinanceCapture,

    /// <summary>The backtester's own quote CSV (what <c>arbbot record</c> writes).</summary>
    QuoteCsv,

    /// <summary>Bybit V5 public WebSocket frames, one raw JSON message per line (what <c>arbbot replay</c> reads).</summary>
    BybitFrames,
}

public static class InputFormatNames
{
    public static string Describe(this InputFormat format) => format switch
    {
        InputFormat.BinanceCapture => "Binance WebSocket capture",
        InputFormat.QuoteCsv => "quote CSV",
        InputFormat.BybitFrames => "Bybit V5 WebSocket frames",
        _ => format.ToString(),
    };
}
