using System.Globalization;

namespace Arb.Engine.Execution;

/// <summary>
/// Client order ids (<c>orderLinkId</c>): <c>arb-{session}-{sequence}{leg}</c>, at most 36 of <c>[A-Za-z0-9_-]</c>
/// as Bybit requires. The session tag is the start time in base-36 milliseconds, so ids never repeat across restarts
/// of one account, even a restart within the same second after a crash (Bybit refuses a reused id, and the ids
/// are how orders are found again); the sequence is per process. The leg letter says what the order
/// was for when reading the exchange's history: <c>s</c>/<c>p</c> spot and perp legs, <c>h</c> a hedge.
/// </summary>
public sealed class ClientOrderIds
{
    /// <summary>What every id of this bot starts with (with the default prefix): how its orders are told from others.</summary>
    public const string Family = "arb-";

    private readonly string _prefix;
    private long _sequence;

    public ClientOrderIds(DateTimeOffset sessionStart, string prefix = "arb")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _prefix = $"{prefix}-{Base36(sessionStart.ToUnixTimeMilliseconds())}-";
    }

    /// <summary>The next id of a pair: the same sequence number for both legs, told apart by the suffix.</summary>
    public (string Spot, string Perp) NextPair()
    {
        var sequence = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        return (_prefix + sequence + "s", _prefix + sequence + "p");
    }

    public string NextHedge() => _prefix + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture) + "h";

    private static string Base36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        value = Math.Abs(value);
        do
        {
            buffer[--position] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[position..]);
    }
}
