namespace Arb.Bybit.Parsing;

/// <summary>
/// The result of parsing one public-stream frame. One instance is reused for every frame so the hot path
/// allocates nothing; read it before parsing the next frame.
/// </summary>
public sealed class PublicMessage
{
    private readonly byte[] _symbol = new byte[32];

    public PublicMessageKind Kind { get; internal set; }

    /// <summary>True for <c>type:"snapshot"</c>, false for <c>delta</c>.</summary>
    public bool IsSnapshot { get; internal set; }

    /// <summary>Push time, Unix ms (<c>ts</c>).</summary>
    public long TimestampMs { get; internal set; }

    /// <summary>Matching-engine time, Unix ms (<c>cts</c>); 0 when absent.</summary>
    public long EngineTimestampMs { get; internal set; }

    /// <summary>Book update id (<c>data.u</c>).</summary>
    public long UpdateId { get; internal set; }

    /// <summary>Book cross sequence (<c>data.seq</c>).</summary>
    public long Sequence { get; internal set; }

    /// <summary>The symbol named by the topic, as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Symbol => _symbol.AsSpan(0, SymbolLength);

    internal int SymbolLength { get; set; }

    public LevelBuffer Bids { get; } = new();

    public LevelBuffer Asks { get; } = new();

    public TickerFields Ticker;

    /// <summary>Why a frame was malformed, or the exchange's message for a failed command.</summary>
    public string? Error { get; internal set; }

    internal bool TrySetSymbol(ReadOnlySpan<byte> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > _symbol.Length)
        {
            return false;
        }

        symbol.CopyTo(_symbol);
        SymbolLength = symbol.Length;
        return true;
    }

    internal void Reset()
    {
        Kind = PublicMessageKind.Malformed;
        IsSnapshot = false;
        TimestampMs = 0;
        EngineTimestampMs = 0;
        UpdateId = 0;
        Sequence = 0;
        SymbolLength = 0;
        Bids.Clear();
        Asks.Clear();
        Ticker = default;
        Error = null;
    }
}
