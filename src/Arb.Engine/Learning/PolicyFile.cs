using System.Text.Json;
using Arb.Strategy.Learning;

namespace Arb.Engine.Learning;

/// <summary>
/// Writes and reads policy files. A write goes to a temporary file, is flushed to disk and renamed over the target,
/// so a crash leaves the old file or the new one, never half of either. A read checks everything before trusting
/// the values: the schema version, the kind, the symbol, that the features, bins and actions are the ones this build
/// computes, and every stored value (state in range, once each, finite).
/// </summary>
public static class PolicyFile
{
    public const string Extension = ".policy.json";

    /// <summary>Where a symbol's policy lives in a policy directory.</summary>
    public static string PathFor(string directory, string symbol) => Path.Combine(directory, symbol + Extension);

    /// <summary>Where online learning saves the symbol's updated policy: beside the trained one, never over it.</summary>
    public static string OnlinePathFor(string directory, string symbol) => Path.Combine(directory, symbol + ".online" + Extension);

    /// <summary>The document for a trained table with its metadata.</summary>
    public static PolicyDocument Describe(
        string symbol, QTable table, QLearningOptions options, int episodes, PolicyTraining training, PolicyResults results) =>
        new(
            PolicyDocument.CurrentSchemaVersion,
            PolicyDocument.TabularQ,
            symbol,
            StateSpace.Version,
            [.. StateSpace.Features.Select(f => new PolicyFeature(f.Name, f.Edges))],
            PolicyDocument.ActionNames,
            new PolicyHyperParameters(
                options.Alpha, options.Gamma, options.EpsilonStart, options.EpsilonEnd, options.RiskPenalty, options.VolatilityHalfLifeTicks,
                options.TrendFastHalfLifeTicks, options.TrendSlowHalfLifeTicks, options.ExplorationIntervalMs, options.Seed, episodes),
            training,
            results,
            [.. table.Visited().Select(v => new[] { v.State, v.Hold, v.Act })]);

    public static void Save(string path, PolicyDocument document)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(document);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, document, PolicyJsonContext.Default.PolicyDocument);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads and checks a policy; <see cref="PolicyFileException"/> says what is wrong.</summary>
    public static PolicyDocument Load(string path, string expectedSymbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PolicyDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, PolicyJsonContext.Default.PolicyDocument);
        }
        catch (JsonException ex)
        {
            throw new PolicyFileException($"{path} is not a policy file: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new PolicyFileException($"{path} cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PolicyFileException($"{path} cannot be read: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new PolicyFileException($"{path} is empty (null)");
        }

        Check(path, document, expectedSymbol);
        return document;
    }

    /// <summary>The greedy estimator a checked document describes.</summary>
    public static QLearningEstimator Estimator(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = new QTable();
        foreach (var entry in document.Values)
        {
            var state = (int)entry[0];
            table[state, LearnerAction.Hold] = entry[1];
            table[state, LearnerAction.Act] = entry[2];
        }

        var h = document.HyperParameters;
        // A trained table: online learning moves its values by α, it does not restart their averages.
        return new QLearningEstimator(table, new QLearningOptions
        {
            Alpha = h.Alpha,
            Gamma = h.Gamma,
            EpsilonStart = h.EpsilonStart,
            EpsilonEnd = h.EpsilonEnd,
            RiskPenalty = h.RiskPenalty,
            VolatilityHalfLifeTicks = h.VolatilityHalfLifeTicks,
            TrendFastHalfLifeTicks = h.TrendFastHalfLifeTicks,
            TrendSlowHalfLifeTicks = h.TrendSlowHalfLifeTicks,
            ExplorationIntervalMs = h.ExplorationIntervalMs,
            Seed = h.Seed,
        })
        {
            AverageEarlyVisits = false,
        };
    }

    private static void Check(string path, PolicyDocument document, string expectedSymbol)
    {
        if (document.SchemaVersion != PolicyDocument.CurrentSchemaVersion)
        {
            throw new PolicyFileException(
                $"{path} has schema version {document.SchemaVersion}; this build reads version {PolicyDocument.CurrentSchemaVersion}: train it again with 'arbbot train'");
        }

        if (document.Kind != PolicyDocument.TabularQ)
        {
            throw new PolicyFileException($"{path} is a '{document.Kind}' policy; this build knows '{PolicyDocument.TabularQ}'");
        }

        if (!string.Equals(document.Symbol, expectedSymbol, StringComparison.Ordinal))
        {
            throw new PolicyFileException($"{path} was trained for {document.Symbol}, not {expectedSymbol}");
        }

        var expected = StateSpace.Features;
        var same = document.StateSpaceVersion == StateSpace.Version
            && document.Features.Count == expected.Length
            && document.Features.Zip(expected).All(p => p.First.Name == p.Second.Name && p.First.Edges.SequenceEqual(p.Second.Edges));
        if (!same)
        {
            throw new PolicyFileException(
                $"{path} was trained on other features or bins ({string.Join(", ", document.Features.Select(f => f.Name))}) than this build computes "
                + $"({string.Join(", ", expected.Select(f => f.Name))}): train it again with 'arbbot train'");
        }

        if (!document.Actions.SequenceEqual(PolicyDocument.ActionNames))
        {
            throw new PolicyFileException($"{path} has actions [{string.Join(", ", document.Actions)}]; expected [{string.Join(", ", PolicyDocument.ActionNames)}]");
        }

        var seen = new HashSet<int>();
        foreach (var entry in document.Values)
        {
            if (entry.Length != 3 || entry[0] != Math.Floor(entry[0]) || entry[0] < 0 || entry[0] >= StateSpace.StateCount
                || !double.IsFinite(entry[1]) || !double.IsFinite(entry[2]))
            {
                throw new PolicyFileException($"{path} holds a bad value entry [{string.Join(", ", entry)}]: expected [state 0..{StateSpace.StateCount - 1}, hold, act], finite");
            }

            if (!seen.Add((int)entry[0]))
            {
                throw new PolicyFileException($"{path} holds state {entry[0]} twice");
            }
        }

        var h = document.HyperParameters;
        if (!(h.Alpha > 0 && h.Alpha <= 1 && h.Gamma >= 0 && h.Gamma <= 1 && h.VolatilityHalfLifeTicks > 0 && h.TrendFastHalfLifeTicks > 0 && h.TrendSlowHalfLifeTicks > 0))
        {
            throw new PolicyFileException($"{path} has hyper-parameters out of range (alpha {h.Alpha}, gamma {h.Gamma})");
        }
    }
}
