using System.IO.Compression;
using System.Text;
using Arb.Cli.Commands;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Import;

/// <summary>Runs <c>arbbot import</c> in process on files in a scratch folder and hands back the output and report.</summary>
internal sealed class ImportRun : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-import-").FullName;

    public static string DataPath(params string[] parts) =>
        Path.GetFullPath(Path.Combine([FixtureFiles.BybitPath(""), "..", "..", "data", .. parts]));

    public string Out => Path.Combine(_dir, "out.csv");

    public string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteGzip(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public (int Exit, string[] Rows, string Report) Run(
        string[]? spot = null, string[]? perp = null, string[]? funding = null, string offset = "auto", string? symbols = null)
    {
        var report = new StringWriter();
        var exit = ImportCommand.Run(spot ?? [], perp ?? [], Out, funding ?? [], offset, symbols, report);
        var rows = File.Exists(Out) ? File.ReadAllLines(Out) : [];
        return (exit, rows, report.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
