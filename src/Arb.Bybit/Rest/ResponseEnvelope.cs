using System.Text.Json;

namespace Arb.Bybit.Rest;

/// <summary>
/// The V5 envelope <c>{retCode, retMsg, result, retExtInfo, time}</c>. Business errors come as HTTP 200
/// with a non-zero retCode, so every body is read through here first.
/// </summary>
internal readonly record struct ResponseEnvelope(
    int RetCode, string RetMessage, JsonElement Result, JsonElement RetExtInfo, long? TimeMs)
{
    /// <summary>Parses a body; the elements stay valid after the call (they own a copy).</summary>
    /// <exception cref="FormatException">The body is not JSON or lacks <c>retCode</c>.</exception>
    public static ResponseEnvelope Parse(ReadOnlyMemory<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the body is not valid JSON ({ex.Message})", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the body is a JSON {root.ValueKind}, not an object.");
        }

        return new ResponseEnvelope(
            JsonValues.RequireInt32(root, "retCode"),
            JsonValues.OptionalString(root, "retMsg") ?? string.Empty,
            Member(root, "result"),
            Member(root, "retExtInfo"),
            JsonValues.OptionalInt64(root, "time"));
    }

    private static JsonElement Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : default;
}
