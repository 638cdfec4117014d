namespace Arb.UnitTests.Support;

/// <summary>
/// Locates the recorded and documented exchange messages under <c>tests/Fixtures</c>, found by walking
/// up from the test binaries to the repository root (the folder holding <c>Arb.slnx</c>).
/// </summary>
public static class FixtureFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string BybitPath(string fileName) => Path.Combine(Root.Value, "tests", "Fixtures", "bybit", fileName);

    public static byte[] BybitBytes(string fileName) => File.ReadAllBytes(BybitPath(fileName));

    public static string BybitText(string fileName) => File.ReadAllText(BybitPath(fileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Arb.slnx above {AppContext.BaseDirectory}; cannot find tests/Fixtures.");
    }
}
