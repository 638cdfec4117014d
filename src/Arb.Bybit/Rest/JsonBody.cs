using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Arb.Bybit.Rest;

/// <summary>Writes a compact POST body; the signature covers its exact bytes, so key order is the writer's order.</summary>
internal static class JsonBody
{
    public static string Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
