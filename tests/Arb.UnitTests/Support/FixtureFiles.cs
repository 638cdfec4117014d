namespace Arb.UnitTests.Support;

/// <summary>
/// Locates the recorded and documented Bybit messages in <c>../shared/bybit/fixtures</c>, the protocol reference
/// that sits beside the repository (CI clones it there too). Found by walking up to the folder holding <c>Arb.slnx</c>.
/// </summary>
public static class FixtureFiles
{
    private static readonly Lazy<string> Root = new(FindFixtures);

    public static string BybitPath(string fileName) => Path.Combine(Root.Value, fileName);

    public static byte[] BybitBytes(string fileName) => File.ReadAllBytes(BybitPath(fileName));

    public static string BybitText(string fileName) => File.ReadAllText(BybitPath(fileName));

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bybit", "fixtures"));
                return Directory.Exists(fixtures)
                    ? fixtures
                    : throw new DirectoryNotFoundException($"expected the shared protocol fixtures at {fixtures}");
            }
        }

        throw new InvalidOperationException($"No Arb.slnx above {AppContext.BaseDirectory}; cannot find the fixtures.");
    }
}
