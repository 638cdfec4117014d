using System.Text.Json.Nodes;
using Arb.Domain.Trading;
using Arb.Engine.Learning;
using Arb.Strategy.Edge;
using Arb.Strategy.Learning;

namespace Arb.UnitTests.Learning;

/// <summary>Policy files: what is saved is what is loaded (the same decisions), and every bad file is refused with its reason and falls back.</summary>
public sealed class PolicyFileTests : IDisposable
{
    private const string Symbol = "BTCUSDT";
    private readonly string _dir = Directory.CreateTempSubdirectory("arb-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Save_then_load_gives_identical_decisions()
    {
        var table = RandomTable(seed: 5);
        var original = new QLearningEstimator(table, new QLearningOptions { Seed = 3, TrendFastHalfLifeTicks = 7 });
        var path = PolicyFile.PathFor(_dir, Symbol);
        PolicyFile.Save(path, Document(table, new QLearningOptions { Seed = 3, TrendFastHalfLifeTicks = 7 }));

        var loaded = PolicyFile.Estimator(PolicyFile.Load(path, Symbol));

        var random = new Random(11);
        var held = 0m;
        for (var i = 0; i < 20_000; i++)
        {
            var features = Features(random, i, held);
            var a = original.Decide(features);
            var b = loaded.Decide(features);
            Assert.Equal(a, b);
            if (a.Action == EdgeAction.Open)
            {
                held = 1m;
            }
            else if (a.Action == EdgeAction.Close)
            {
                held = 0m;
            }
        }

        Assert.True(table.Visited().Count() > 100);
    }

    [Fact]
    public void A_loaded_policy_learning_online_moves_its_values_by_alpha_instead_of_replacing_them()
    {
        var table = new QTable();
        var path = PolicyFile.PathFor(_dir, Symbol);
        var features = Features(new Random(1), 0, 0m);
        var flat = StateSpace.Encode(features, holding: false, volatilityBps: 0, trendBps: 0, heldSeconds: 0);
        table[flat, LearnerAction.Hold] = 10;
        PolicyFile.Save(path, Document(table, new QLearningOptions { Alpha = 0.1 }));
        var loaded = PolicyFile.Estimator(PolicyFile.Load(path, Symbol));
        loaded.Learning = true;

        // Two decisions in different states: the first state's Hold is updated once, from a reward of 0 and an
        // unvisited next state, so it moves by alpha towards 0 (a fresh table would have been set to 0).
        loaded.Decide(features);
        loaded.Decide(features with { OpenEdgeBps = 35m, TimestampMs = features.TimestampMs + 100 });

        Assert.False(loaded.AverageEarlyVisits);
        Assert.Equal(9.0, loaded.Table[flat, LearnerAction.Hold], precision: 9);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not json at all", "is not a policy file" },
        { "{\"schemaVersion\": 1}", "is not a policy file" },
        { "null", "is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Unreadable_files_are_refused_naming_the_file(string content, string problem)
    {
        var path = PolicyFile.PathFor(_dir, Symbol);
        File.WriteAllText(path, content);

        var error = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(path, Symbol));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { "schemaVersion=2", "schema version 2; this build reads version 1" },
        { "kind=deep-q", "is a 'deep-q' policy" },
        { "symbol=ETHUSDT", "was trained for ETHUSDT, not BTCUSDT" },
        { "edges", "trained on other features or bins" },
        { "feature-name", "trained on other features or bins" },
        { "stateSpaceVersion=9", "trained on other features or bins" },
        { "actions", "has actions [hold, open]" },
        { "state-out-of-range", "bad value entry" },
        { "short-entry", "bad value entry" },
        { "duplicate-state", "twice" },
        { "alpha", "hyper-parameters out of range" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public void Wrong_version_kind_symbol_features_or_values_are_refused_with_the_reason(string edit, string problem)
    {
        var path = PolicyFile.PathFor(_dir, Symbol);
        PolicyFile.Save(path, Document(RandomTable(seed: 1), new QLearningOptions()));
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        switch (edit)
        {
            case "schemaVersion=2": json["schemaVersion"] = 2; break;
            case "kind=deep-q": json["kind"] = "deep-q"; break;
            case "symbol=ETHUSDT": json["symbol"] = "ETHUSDT"; break;
            case "edges": json["features"]![0]!["edges"]![0] = -31.5; break;
            case "feature-name": json["features"]![1]!["name"] = "close_edge"; break;
            case "stateSpaceVersion=9": json["stateSpaceVersion"] = 9; break;
            case "actions": json["actions"]![1] = "open"; break;
            case "state-out-of-range": json["values"]![0]![0] = StateSpace.StateCount; break;
            case "short-entry": json["values"]![0] = new JsonArray(1, 2); break;
            case "duplicate-state": json["values"]![1]![0] = json["values"]![0]![0]!.GetValue<double>(); break;
            case "alpha": json["hyperParameters"]!["alpha"] = 0; break;
        }

        File.WriteAllText(path, json.ToJsonString());

        var error = Assert.Throws<PolicyFileException>(() => PolicyFile.Load(path, Symbol));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);

        // Never a crash, never a silent change: the symbol falls back to the threshold estimator and says why.
        var choice = EstimatorChoice.For(_dir, Symbol, () => new ThresholdEdgeEstimator(20m, -10m, true));
        Assert.IsType<ThresholdEdgeEstimator>(choice.Estimator);
        Assert.Contains(problem, choice.Problem, StringComparison.Ordinal);
        Assert.StartsWith("threshold (policy unusable", choice.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbol_without_a_policy_uses_the_threshold_estimator_and_says_so()
    {
        var choice = EstimatorChoice.For(_dir, Symbol, () => new ThresholdEdgeEstimator(20m, -10m, true));

        Assert.IsType<ThresholdEdgeEstimator>(choice.Estimator);
        Assert.Null(choice.Problem);
        Assert.Equal($"threshold (no policy at {PolicyFile.PathFor(_dir, Symbol)})", choice.Description);
    }

    [Fact]
    public void A_good_policy_is_chosen_and_described()
    {
        PolicyFile.Save(PolicyFile.PathFor(_dir, Symbol), Document(RandomTable(seed: 2), new QLearningOptions()));

        var choice = EstimatorChoice.For(_dir, Symbol, () => new ThresholdEdgeEstimator(20m, -10m, true));

        Assert.IsType<QLearningEstimator>(choice.Estimator);
        Assert.Null(choice.Problem);
        Assert.StartsWith($"rl policy {PolicyFile.PathFor(_dir, Symbol)} (trained 2026-11-25T00:00:00Z, out-of-sample net 1.5 USDT over 3 round trips)", choice.Description, StringComparison.Ordinal);
    }

    private static QTable RandomTable(int seed)
    {
        var random = new Random(seed);
        var table = new QTable();
        for (var i = 0; i < 2_000; i++)
        {
            var state = random.Next(StateSpace.StateCount);
            table[state, LearnerAction.Hold] = (random.NextDouble() - 0.5) * 40;
            table[state, LearnerAction.Act] = (random.NextDouble() - 0.5) * 40;
        }

        return table;
    }

    private static PolicyDocument Document(QTable table, QLearningOptions options)
    {
        var result = new PolicyResult(1.5m, 6, 3, 2m, 1m, 0.5, 0.6m, 10m, 0.15m);
        return PolicyFile.Describe(
            Symbol, table, options, 4, new PolicyTraining(["a.csv"], "00", 0, 1, 1, 2, "2026-11-25T00:00:00Z"), new PolicyResults(result, result, result));
    }

    private static EdgeFeatures Features(Random random, int i, decimal held) => new()
    {
        IsValid = true,
        TimestampMs = 1_700_000_000_000 + (i * 100L),
        OpenQuantity = 1m,
        OpenEdgeBps = (decimal)((random.NextDouble() - 0.5) * 100),
        CloseEdgeBps = held != 0m ? (decimal)((random.NextDouble() - 0.5) * 100) : null,
        BasisBps = (decimal)((random.NextDouble() - 0.5) * 60),
        SpotSpreadBps = (decimal)(random.NextDouble() * 5),
        PerpSpreadBps = (decimal)(random.NextDouble() * 5),
        PerpDepthImbalance = (decimal)((random.NextDouble() * 2) - 1),
        FundingRate = 0.0001m,
        ExpectedShortFundingBps = (decimal)((random.NextDouble() - 0.5) * 4),
        TimeToFundingMs = random.Next(0, 8 * 3_600_000),
        HeldQuantity = held,
    };
}
