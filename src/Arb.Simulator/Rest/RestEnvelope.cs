using System.Buffers;
using System.Text.Json;

namespace Arb.Simulator.Rest;

/// <summary>
/// Bybit's V5 response envelope: <c>{"retCode":0,"retMsg":"OK","result":{…},"retExtInfo":{},"time":ms}</c>.
/// <c>retCode</c> and <c>time</c> are JSON numbers, as the real exchange sends them.
/// </summary>
public static class RestEnvelope
{
    /// <summary>A success envelope whose <c>result</c> object is filled by <paramref name="writeResult"/>.</summary>
    public static byte[] Ok(long timeMs, Action<Utf8JsonWriter> writeResult)
    {
        ArgumentNullException.ThrowIfNull(writeResult);
        return Write(SimRetCodes.Ok, "OK", timeMs, writeResult);
    }

    /// <summary>
    /// A success envelope that also fills <c>retExtInfo</c> (batch calls report each item's code there).
    /// </summary>
    public static byte[] Ok(long timeMs, Action<Utf8JsonWriter> writeResult, Action<Utf8JsonWriter> writeRetExtInfo)
    {
        ArgumentNullException.ThrowIfNull(writeResult);
        ArgumentNullException.ThrowIfNull(writeRetExtInfo);
        return Write(SimRetCodes.Ok, "OK", timeMs, writeResult, writeRetExtInfo);
    }

    /// <summary>An error envelope; Bybit sends an empty <c>result</c> object with it.</summary>
    public static byte[] Error(long timeMs, int retCode, string retMsg) => Write(retCode, retMsg, timeMs, writeResult: null);

    private static byte[] Write(int retCode, string retMsg, long timeMs, Action<Utf8JsonWriter>? writeResult, Action<Utf8JsonWriter>? writeRetExtInfo = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("retCode", retCode);
            writer.WriteString("retMsg", retMsg);
            writer.WriteStartObject("result");
            writeResult?.Invoke(writer);
            writer.WriteEndObject();
            writer.WriteStartObject("retExtInfo");
            writeRetExtInfo?.Invoke(writer);
            writer.WriteEndObject();
            writer.WriteNumber("time", timeMs);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
