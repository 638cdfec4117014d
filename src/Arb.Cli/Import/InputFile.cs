using System.IO.Compression;
using System.Text;

namespace Arb.Cli.Import;

/// <summary>Opens an input as text, decompressing gzip when the content starts with the gzip magic bytes.</summary>
public static class InputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>True when the file starts with the gzip magic bytes 1f 8b, whatever its name.</summary>
    public static bool IsGzip(string path)
    {
        using var stream = OpenRaw(path);
        return StartsWithGzipMagic(stream);
    }

    public static TextReader OpenText(string path)
    {
        var stream = OpenRaw(path);
        try
        {
            var gzip = StartsWithGzipMagic(stream);
            stream.Position = 0;
            Stream content = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static FileStream OpenRaw(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportInputException(path, $"cannot be opened: {ex.Message}", ex);
        }
    }

    private static bool StartsWithGzipMagic(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
