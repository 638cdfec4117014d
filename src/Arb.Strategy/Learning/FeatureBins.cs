namespace Arb.Strategy.Learning;

/// <summary>
/// One state feature cut into bins by ascending edges: a value below the first edge is bin 0, at or above the last
/// is bin <c>Edges.Length</c>. The names and edges are written into every policy file, so a policy trained on other
/// bins is refused rather than misread.
/// </summary>
public sealed record FeatureBins(string Name, double[] Edges)
{
    public int Count => Edges.Length + 1;

    public int Index(double value)
    {
        var edges = Edges;
        var i = 0;
        while (i < edges.Length && value >= edges[i])
        {
            i++;
        }

        return i;
    }

    public bool SameAs(FeatureBins other) =>
        other is not null && Name == other.Name && Edges.AsSpan().SequenceEqual(other.Edges);
}
