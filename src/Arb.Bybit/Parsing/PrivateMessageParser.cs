using System.Text.Json;
using Arb.Domain.Trading;
using Json = Arb.Bybit.Rest.JsonValues;

namespace Arb.Bybit.Parsing;

/// <summary>
/// Turns one frame of the Bybit V5 private stream into a <see cref="PrivateMessage"/>: command answers (auth,
/// subscribe, pong) by their <c>op</c>, account pushes by their <c>topic</c> into domain events. Fields are read by
/// key and numbers may be strings or numbers. These frames are few, so a <see cref="JsonDocument"/> is fine here.
/// Never throws.
/// </summary>
public static class PrivateMessageParser
{
    public static PrivateMessage Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            return Classify(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return PrivateMessage.Malformed(ex.Message);
        }
    }

    private static PrivateMessage Classify(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return PrivateMessage.Malformed("not a JSON object");
        }

        if (Json.OptionalString(root, "topic") is { } topic)
        {
            return ParseData(root, topic);
        }

        var op = Json.OptionalString(root, "op");
        var retMsg = Json.OptionalString(root, "ret_msg") ?? "";
        if (op == "pong" || retMsg == "pong")
        {
            return PrivateMessage.Pong;
        }

        if (op is "auth" or "subscribe" or "unsubscribe")
        {
            if (!root.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return PrivateMessage.Malformed($"'{op}' answer without 'success'");
            }

            var kind = op == "auth" ? PrivateMessageKind.AuthResponse : PrivateMessageKind.SubscribeResponse;
            return new PrivateMessage(kind) { Success = success.GetBoolean(), Message = retMsg };
        }

        return op is null ? PrivateMessage.Malformed("neither 'topic' nor 'op'") : PrivateMessage.Other;
    }

    private static PrivateMessage ParseData(JsonElement root, string topic)
    {
        // Categorised forms ("order.linear", "execution.fast.spot") carry the same rows as the all-in-one topics.
        var family = topic.StartsWith("execution.fast", StringComparison.Ordinal) ? "execution.fast" : topic.Split('.')[0];
        Func<JsonElement, long, IAccountEvent?>? parseRow = family switch
        {
            "order" => PrivateRows.Order,
            "execution" => PrivateRows.Execution,
            "execution.fast" => PrivateRows.FastExecution,
            "position" => PrivateRows.Position,
            "wallet" => PrivateRows.Wallet,
            _ => null,
        };
        if (parseRow is null)
        {
            return PrivateMessage.Other;
        }

        var creationTime = Json.OptionalInt64(root, "creationTime") ?? 0;
        var events = new List<IAccountEvent>();
        int ignored = 0, malformed = 0;
        foreach (var row in Json.RequireArray(root, "data").EnumerateArray())
        {
            try
            {
                if (parseRow(row, creationTime) is { } e)
                {
                    events.Add(e);
                }
                else
                {
                    ignored++;
                }
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
            {
                malformed++;
            }
        }

        return new PrivateMessage(PrivateMessageKind.Data) { Topic = topic, Events = events, IgnoredRows = ignored, MalformedRows = malformed };
    }
}
