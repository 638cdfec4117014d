using Arb.Domain.Books;

namespace Arb.Bybit.Parsing;

/// <summary>
/// A fast path for the frame that dominates the traffic: an order-book snapshot or delta in its plain form
/// (keys <c>topic type ts cts data</c> and <c>s b a u seq</c> in any order, unescaped ASCII strings, integer
/// numbers, plain decimal strings). It scans the bytes once, by key, without a general tokenizer. Anything
/// else (another key, an escape, a string-wrapped number, a duplicate key, any doubt about validity)
/// makes it decline, and <see cref="PublicMessageParser"/> parses the frame with <c>Utf8JsonReader</c>
/// instead; tests check that whatever this accepts the reader parses identically.
/// </summary>
internal static class OrderBookFastPath
{
    private const int SeenTopic = 1, SeenType = 2, SeenTs = 4, SeenCts = 8, SeenData = 16;
    private const int SeenSymbol = 1, SeenBids = 2, SeenAsks = 4, SeenUpdateId = 8, SeenSequence = 16;

    /// <summary>True when the frame was parsed into <paramref name="message"/>; false to decline.</summary>
    public static bool TryParse(ReadOnlySpan<byte> f, PublicMessage message)
    {
        var i = 0;
        if (!Expect(f, ref i, (byte)'{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            if (!ReadString(f, ref i, out var key) || !Expect(f, ref i, (byte)':'))
            {
                return false;
            }

            int flag;
            switch (key.Length)
            {
                case 5 when key.SequenceEqual("topic"u8):
                    flag = SeenTopic;
                    if (!ReadString(f, ref i, out var topic) || !topic.StartsWith("orderbook."u8))
                    {
                        return false;
                    }

                    var dot = topic.LastIndexOf((byte)'.');
                    if (!message.TrySetSymbol(topic[(dot + 1)..]))
                    {
                        return false;
                    }

                    break;
                case 4 when key.SequenceEqual("type"u8):
                    flag = SeenType;
                    if (!ReadString(f, ref i, out var type))
                    {
                        return false;
                    }

                    if (type.SequenceEqual("delta"u8))
                    {
                        message.IsSnapshot = false;
                    }
                    else if (type.SequenceEqual("snapshot"u8))
                    {
                        message.IsSnapshot = true;
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case 2 when key.SequenceEqual("ts"u8):
                    flag = SeenTs;
                    if (!ReadInteger(f, ref i, out var ts))
                    {
                        return false;
                    }

                    message.TimestampMs = ts;
                    break;
                case 3 when key.SequenceEqual("cts"u8):
                    flag = SeenCts;
                    if (!ReadInteger(f, ref i, out var cts))
                    {
                        return false;
                    }

                    message.EngineTimestampMs = cts;
                    break;
                case 4 when key.SequenceEqual("data"u8):
                    flag = SeenData;
                    if (!ReadData(f, ref i, message))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            if ((seen & flag) != 0)
            {
                return false; // duplicate keys: let the reader decide what they mean
            }

            seen |= flag;
            if (!Next(f, ref i, (byte)'}', out var more))
            {
                return false;
            }

            if (!more)
            {
                break;
            }
        }

        SkipWhitespace(f, ref i);
        const int required = SeenTopic | SeenType | SeenData;
        return i == f.Length && (seen & required) == required;
    }

    private static bool ReadData(ReadOnlySpan<byte> f, ref int i, PublicMessage message)
    {
        if (!Expect(f, ref i, (byte)'{'))
        {
            return false;
        }

        var seen = 0;
        while (true)
        {
            if (!ReadString(f, ref i, out var key) || !Expect(f, ref i, (byte)':'))
            {
                return false;
            }

            int flag;
            if (key.Length == 1 && key[0] == (byte)'b')
            {
                flag = SeenBids;
                if (!ReadLevels(f, ref i, message.Bids))
                {
                    return false;
                }
            }
            else if (key.Length == 1 && key[0] == (byte)'a')
            {
                flag = SeenAsks;
                if (!ReadLevels(f, ref i, message.Asks))
                {
                    return false;
                }
            }
            else if (key.Length == 1 && key[0] == (byte)'u')
            {
                flag = SeenUpdateId;
                if (!ReadInteger(f, ref i, out var u))
                {
                    return false;
                }

                message.UpdateId = u;
            }
            else if (key.Length == 3 && key.SequenceEqual("seq"u8))
            {
                flag = SeenSequence;
                if (!ReadInteger(f, ref i, out var seq))
                {
                    return false;
                }

                message.Sequence = seq;
            }
            else if (key.Length == 1 && key[0] == (byte)'s')
            {
                flag = SeenSymbol;
                if (!ReadString(f, ref i, out _))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            if ((seen & flag) != 0)
            {
                return false;
            }

            seen |= flag;
            if (!Next(f, ref i, (byte)'}', out var more))
            {
                return false;
            }

            if (!more)
            {
                return (seen & SeenUpdateId) != 0;
            }
        }
    }

    // [["price","size"],...]
    private static bool ReadLevels(ReadOnlySpan<byte> f, ref int i, LevelBuffer levels)
    {
        if (!Expect(f, ref i, (byte)'['))
        {
            return false;
        }

        SkipWhitespace(f, ref i);
        if (i < f.Length && f[i] == (byte)']')
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!Expect(f, ref i, (byte)'[')
                || !ReadString(f, ref i, out var priceText)
                || !Expect(f, ref i, (byte)',')
                || !ReadString(f, ref i, out var sizeText)
                || !Expect(f, ref i, (byte)']'))
            {
                return false;
            }

            if (!DecimalText.TryParsePlain(priceText, out var priceMantissa, out var priceScale, out var priceNegative)
                || !DecimalText.TryParsePlain(sizeText, out var sizeMantissa, out var sizeScale, out var sizeNegative)
                || priceNegative || sizeNegative || priceMantissa == 0)
            {
                return false; // unusual numbers and invalid levels: the full parser reports or handles them
            }

            levels.Add(new PriceLevel(
                DecimalText.ToDecimal(priceMantissa, priceScale, negative: false),
                DecimalText.ToDecimal(sizeMantissa, sizeScale, negative: false),
                PriceKey.FromMantissa(priceMantissa, priceScale)));

            if (!Next(f, ref i, (byte)']', out var more))
            {
                return false;
            }

            if (!more)
            {
                return true;
            }
        }
    }

    // After a value: ',' means another member follows, the closer ends the container.
    private static bool Next(ReadOnlySpan<byte> f, ref int i, byte closer, out bool more)
    {
        SkipWhitespace(f, ref i);
        more = false;
        if (i >= f.Length)
        {
            return false;
        }

        var c = f[i++];
        if (c == (byte)',')
        {
            more = true;
            return true;
        }

        return c == closer;
    }

    // A string of printable ASCII without escapes; its content without the quotes.
    private static bool ReadString(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Expect(f, ref i, (byte)'"'))
        {
            return false;
        }

        var start = i;
        for (; i < f.Length; i++)
        {
            var c = f[i];
            if (c == (byte)'"')
            {
                value = f[start..i];
                i++;
                return true;
            }

            if (c is < 0x20 or >= 0x7F or (byte)'\\')
            {
                return false;
            }
        }

        return false;
    }

    // A JSON integer as the exchange sends ts, cts, u and seq: no sign, no fraction, no leading zeros.
    private static bool ReadInteger(ReadOnlySpan<byte> f, ref int i, out long value)
    {
        SkipWhitespace(f, ref i);
        value = 0;
        var start = i;
        for (; i < f.Length; i++)
        {
            var d = (uint)(f[i] - '0');
            if (d > 9)
            {
                break;
            }

            value = (value * 10) + d;
        }

        var digits = i - start;
        if (digits is 0 or > 18 || (digits > 1 && f[start] == (byte)'0'))
        {
            return false;
        }

        // A number must end at a delimiter, not run into '.', 'e' or letters.
        return i < f.Length && f[i] is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';
    }

    private static bool Expect(ReadOnlySpan<byte> f, ref int i, byte c)
    {
        SkipWhitespace(f, ref i);
        if (i < f.Length && f[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> f, ref int i)
    {
        while (i < f.Length && f[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }
    }
}
