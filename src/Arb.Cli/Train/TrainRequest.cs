namespace Arb.Cli.Train;

/// <summary>What the command line asked of <c>arbbot train</c>, as typed.</summary>
internal sealed record TrainRequest(
    IReadOnlyList<string> Files,
    string? Symbols,
    int Episodes,
    string? OutDirectory,
    double TestShare,
    int Seed,
    bool SkipBadRows);
