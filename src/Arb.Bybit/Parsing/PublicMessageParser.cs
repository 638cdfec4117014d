using System.Text.Json;
using Arb.Domain.Books;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Turns one frame of a Bybit V5 public stream into a <see cref="PublicMessage"/>. Fields are matched by key
/// because their order differs between streams and depths; unknown keys are skipped. Never throws: a frame
/// that does not parse comes back as <see cref="PublicMessageKind.Malformed"/> with the reason.
/// </summary>
public static class PublicMessageParser
{
    public static PublicMessageKind Parse(ReadOnlySpan<byte> frame, PublicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Reset();
        if (OrderBookFastPath.TryParse(frame, message))
        {
            message.Kind = PublicMessageKind.OrderBook;
            return message.Kind;
        }

        return ParseWithReader(frame, message);
    }

    /// <summary>The general parser alone, without the fast path: the reference the fast path is tested against.</summary>
    internal static PublicMessageKind ParseWithReader(ReadOnlySpan<byte> frame, PublicMessage message)
    {
        message.Reset();
        try
        {
            message.Kind = ParseCore(frame, message);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            message.Kind = PublicMessageKind.Malformed;
            message.Error = ex.Message;
        }

        return message.Kind;
    }

    private static PublicMessageKind ParseCore(ReadOnlySpan<byte> frame, PublicMessage message)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Malformed(message, "not a JSON object");
        }

        Span<byte> scratch = stackalloc byte[128];
        var topic = PublicMessageKind.Malformed;
        var hasTopic = false;
        var hasType = false;
        var hasData = false;
        var hasUpdateId = false;
        var isPong = false;
        bool? success = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("topic"u8))
            {
                reader.Read();
                hasTopic = true;
                topic = ClassifyTopic(JsonValues.Raw(in reader, scratch), message);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                hasType = true;
                message.IsSnapshot = reader.ValueTextEquals("snapshot"u8);
                if (!message.IsSnapshot && !reader.ValueTextEquals("delta"u8))
                {
                    return Malformed(message, "unknown type");
                }
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                message.TimestampMs = JsonValues.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("cts"u8))
            {
                reader.Read();
                message.EngineTimestampMs = JsonValues.ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    hasData = true;
                    hasUpdateId = ReadData(ref reader, message);
                }
                else
                {
                    reader.Skip(); // e.g. publicTrade sends an array
                }
            }
            else if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                isPong |= reader.ValueTextEquals("pong"u8);
            }
            else if (reader.ValueTextEquals("ret_msg"u8))
            {
                reader.Read();
                if (reader.ValueTextEquals("pong"u8))
                {
                    isPong = true;
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0)
                {
                    message.Error = reader.GetString(); // kept only for command answers, which are rare
                }
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                success = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw new FormatException("success is not a boolean"),
                };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return Malformed(message, "truncated object");
        }

        if (reader.Read())
        {
            return Malformed(message, "data after the message"); // the reader throws first for most trailing bytes
        }

        if (hasTopic)
        {
            message.Error = null;
            return topic switch
            {
                PublicMessageKind.OrderBook when !hasType || !hasData || !hasUpdateId =>
                    Malformed(message, "order book message without type, data or u"),
                PublicMessageKind.Ticker when !hasData => Malformed(message, "ticker message without data"),
                _ => topic,
            };
        }

        if (isPong)
        {
            message.Error = null;
            return PublicMessageKind.Pong;
        }

        if (success == true)
        {
            message.Error = null; // spot acks repeat the op in ret_msg; only failures carry a reason
        }

        return success switch
        {
            true => PublicMessageKind.CommandAck,
            false => PublicMessageKind.CommandFailed,
            null => Malformed(message, "neither a topic message nor a command answer"),
        };
    }

    private static PublicMessageKind ClassifyTopic(ReadOnlySpan<byte> topic, PublicMessage message)
    {
        PublicMessageKind kind;
        if (topic.StartsWith("orderbook."u8))
        {
            kind = PublicMessageKind.OrderBook;
        }
        else if (topic.StartsWith("tickers."u8))
        {
            kind = PublicMessageKind.Ticker;
        }
        else
        {
            return PublicMessageKind.OtherTopic;
        }

        var dot = topic.LastIndexOf((byte)'.');
        if (!message.TrySetSymbol(topic[(dot + 1)..]))
        {
            throw new FormatException("topic without a symbol");
        }

        return kind;
    }

    // Reads the data object of a book or ticker message; their keys do not overlap. Returns whether u was present.
    private static bool ReadData(ref Utf8JsonReader reader, PublicMessage message)
    {
        var hasUpdateId = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("b"u8))
            {
                reader.Read();
                ReadLevels(ref reader, message.Bids);
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                reader.Read();
                ReadLevels(ref reader, message.Asks);
            }
            else if (reader.ValueTextEquals("u"u8))
            {
                reader.Read();
                message.UpdateId = JsonValues.ReadInt64(ref reader);
                hasUpdateId = true;
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                message.Sequence = JsonValues.ReadInt64(ref reader);
            }
            else if (reader.ValueSpan.Length <= 1 || !TryReadTickerField(ref reader, ref message.Ticker))
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new FormatException("truncated data object");
        }

        return hasUpdateId;
    }

    private static bool TryReadTickerField(ref Utf8JsonReader reader, ref TickerFields ticker)
    {
        if (reader.ValueTextEquals("markPrice"u8))
        {
            reader.Read();
            ticker.MarkPrice = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("indexPrice"u8))
        {
            reader.Read();
            ticker.IndexPrice = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("fundingRate"u8))
        {
            reader.Read();
            ticker.FundingRate = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("nextFundingTime"u8))
        {
            reader.Read();
            ticker.NextFundingTimeMs = JsonValues.ReadOptionalInt64(ref reader);
        }
        else if (reader.ValueTextEquals("fundingIntervalHour"u8))
        {
            reader.Read();
            var hours = JsonValues.ReadOptionalInt64(ref reader);
            ticker.FundingIntervalHours = hours is null ? null : checked((int)hours.Value);
        }
        else if (reader.ValueTextEquals("lastPrice"u8))
        {
            reader.Read();
            ticker.LastPrice = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("bid1Price"u8))
        {
            reader.Read();
            ticker.Bid1Price = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("bid1Size"u8))
        {
            reader.Read();
            ticker.Bid1Size = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("ask1Price"u8))
        {
            reader.Read();
            ticker.Ask1Price = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else if (reader.ValueTextEquals("ask1Size"u8))
        {
            reader.Read();
            ticker.Ask1Size = JsonValues.ReadOptionalDecimal(ref reader);
        }
        else
        {
            return false;
        }

        return true;
    }

    // [["price","size"], ...]
    private static void ReadLevels(ref Utf8JsonReader reader, LevelBuffer levels)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("levels are not an array");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var level = ReadLevel(ref reader);

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip(); // tolerate extra elements a future version might add
            }

            levels.Add(level);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new FormatException("truncated level array");
        }
    }

    // ["price","size"] with the reader on the price. The usual plain, unescaped price yields its book key
    // from the digits already read.
    private static PriceLevel ReadLevel(ref Utf8JsonReader reader)
    {
        decimal price;
        long key;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && DecimalText.TryParsePlain(reader.ValueSpan, out var mantissa, out var scale, out var negative) && !negative)
        {
            price = DecimalText.ToDecimal(mantissa, scale, negative: false);
            key = PriceKey.FromMantissa(mantissa, scale);
        }
        else
        {
            price = JsonValues.ReadDecimal(ref reader);
            key = PriceKey.Of(price);
        }

        reader.Read();
        var size = JsonValues.ReadDecimal(ref reader);
        if (decimal.Sign(price) <= 0 || decimal.IsNegative(size))
        {
            throw new FormatException("level with a non-positive price or a negative size");
        }

        return new PriceLevel(price, size, key);
    }

    private static PublicMessageKind Malformed(PublicMessage message, string reason)
    {
        message.Error = reason;
        return PublicMessageKind.Malformed;
    }
}
