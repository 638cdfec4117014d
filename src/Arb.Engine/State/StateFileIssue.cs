namespace Arb.Engine.State;

/// <summary>What was wrong with one state file, for the alert and the start-up message.</summary>
public sealed record StateFileIssue(string Path, StateFileProblem Problem, string Detail)
{
    public override string ToString() => $"{Path}: {Problem.ToString().ToLowerInvariant()} ({Detail})";
}
