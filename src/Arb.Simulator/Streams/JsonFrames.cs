using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Arb.Simulator.Streams;

/// <summary>Writes one JSON frame into a reusable buffer and hands out its bytes.</summary>
internal sealed class JsonFrames
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonFrames() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = false });

    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    public byte[] End()
    {
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
