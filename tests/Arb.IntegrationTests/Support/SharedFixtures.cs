namespace Arb.IntegrationTests.Support;

/// <summary>Finds <c>../shared</c> beside the repository (CI clones the repo with shared/ next to it).</summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string> SharedRoot = new(FindSharedRoot);

    public static string BybitFixture(string name) => Path.Combine(SharedRoot.Value, "bybit", "fixtures", name);

    public static byte[] ReadBybitFixture(string name) => File.ReadAllBytes(BybitFixture(name));

    private static string FindSharedRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arb.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(Path.Combine(shared, "bybit", "fixtures")))
                {
                    return shared;
                }

                throw new DirectoryNotFoundException($"expected the shared reference folder at {shared}");
            }
        }

        throw new DirectoryNotFoundException("Arb.slnx not found above " + AppContext.BaseDirectory);
    }
}
