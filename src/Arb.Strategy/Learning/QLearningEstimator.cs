using Arb.Domain.Trading;

namespace Arb.Strategy.Learning;

/// <summary>
/// A tabular Q-learning estimator: it maps the edge features (see <see cref="StateSpace"/>) to wait or act, where act
/// opens the long-spot / short-perp position when flat and closes it when holding. Its decisions go through the same
/// sizing, throttle and risk gate as any estimator's: it chooses when, never how much beyond what they allow.
/// </summary>
/// <remarks>
/// <para>Reward, in bps of the position's notional: the round trip's net return is about the open edge taken plus
/// the close edge at the exit (both are net of both legs' fees), so while holding the position is worth
/// <c>open edge + current close edge</c>. An open that executed earns that value at once (usually negative: the
/// spreads and fees), every held step earns the change of the close edge, less a risk penalty of
/// <c>RiskPenalty · change²</c> on the step's whole change (a step lasts while the state is unchanged), a funding settlement earns the rate, and a close earns nothing more (the value was
/// already counted). The rewards of a round trip add up to its net return.</para>
/// <para>Learning is semi-Markov: ticks that leave the state unchanged form one step whose rewards add up, and the
/// update <c>Q(s,a) += α (G + γ·max Q(s′) − Q(s,a))</c> happens when the state changes. The action chosen on
/// entering a state is kept until it changes. Exploration is ε-greedy from a seeded generator, drawn at most once per
/// state every <see cref="QLearningOptions.ExplorationIntervalMs"/> of data time, so a training run is deterministic. With learning off the estimator is greedy and allocation-free.</para>
/// </remarks>
public sealed class QLearningEstimator : IEdgeEstimator
{
    private readonly QLearningOptions _options;
    private readonly double _volatilityDecay;
    private Random _random;
    private bool _started;
    private int _segmentState;
    private LearnerAction _segmentAction;
    private double _segmentReward;
    private double _segmentChange;
    private bool _wasHolding;
    private double _lastOpenEdge;
    private double _lastCloseEdge;
    private long? _lastTimeToFundingMs;
    private double _lastFundingRate;
    private long _heldSinceMs;
    private double _lastBasis = double.NaN;
    private double _volatilityVariance;
    private long[]? _lastDrawByState;
    private int[]? _visits;
    private double _fastBasis = double.NaN;
    private double _slowBasis;
    private readonly double _fastDecay;
    private readonly double _slowDecay;

    public QLearningEstimator(QTable table, QLearningOptions options)
    {
        Table = table ?? throw new ArgumentNullException(nameof(table));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _random = new Random(options.Seed);
        _volatilityDecay = Math.Pow(0.5, 1.0 / Math.Max(1.0, options.VolatilityHalfLifeTicks));
        _fastDecay = Math.Pow(0.5, 1.0 / Math.Max(1.0, options.TrendFastHalfLifeTicks));
        _slowDecay = Math.Pow(0.5, 1.0 / Math.Max(1.0, options.TrendSlowHalfLifeTicks));
    }

    public QTable Table { get; }

    public QLearningOptions Options => _options;

    /// <summary>Whether decisions also update the table (training, or online learning when enabled).</summary>
    public bool Learning { get; set; }

    /// <summary>
    /// Whether the n-th update of a state and action weighs max(α, 1/n) (a table learned from scratch) rather than α
    /// alone (a trained table learning online, whose values must be moved by new experience, not replaced by it).
    /// </summary>
    public bool AverageEarlyVisits { get; set; } = true;

    /// <summary>Chance of a random action on entering a state while learning.</summary>
    public double Epsilon { get; set; }

    /// <summary>Updates made so far.</summary>
    public long Updates { get; private set; }

    /// <summary>Forgets the episode (position memory, volatility, the open step) but keeps the table; reseeds exploration.</summary>
    public void StartEpisode(int seed)
    {
        _random = new Random(seed);
        _started = false;
        _segmentReward = 0;
        _segmentChange = 0;
        _wasHolding = false;
        _lastBasis = double.NaN;
        _volatilityVariance = 0;
        _fastBasis = double.NaN;
        if (_lastDrawByState is not null)
        {
            Array.Fill(_lastDrawByState, long.MinValue / 2);
        }
        _lastTimeToFundingMs = null;
    }

    public EdgeDecision Decide(in EdgeFeatures features)
    {
        if (!features.IsValid)
        {
            return EdgeDecision.Hold;
        }

        var holding = features.HeldQuantity != 0m;
        var openEdge = features.OpenEdgeBps is { } o ? (double)o : double.NegativeInfinity;
        var closeEdge = features.CloseEdgeBps is { } c ? (double)c : double.NegativeInfinity;
        TrackVolatility((double)features.BasisBps);
        if (holding && !_wasHolding)
        {
            _heldSinceMs = features.TimestampMs;
        }

        var heldSeconds = holding ? (features.TimestampMs - _heldSinceMs) / 1_000.0 : 0;
        var state = StateSpace.Encode(features, holding, Math.Sqrt(_volatilityVariance), _fastBasis - _slowBasis, heldSeconds);
        if (Learning && _started)
        {
            _segmentReward += Reward(holding, closeEdge, features);
        }

        if (!_started || state != _segmentState)
        {
            if (Learning && _started)
            {
                var q = Table[_segmentState, _segmentAction];
                var reward = _segmentReward - (_options.RiskPenalty * _segmentChange * _segmentChange);
                Table[_segmentState, _segmentAction] = q + (StepSize(_segmentState, _segmentAction) * (reward + (_options.Gamma * Table.Max(state)) - q));
                Updates++;
            }

            _segmentState = state;
            _segmentAction = Table.Best(state);
            if (Learning && Epsilon > 0 && ExplorationDue(state, features.TimestampMs))
            {
                if (_random.NextDouble() < Epsilon)
                {
                    _segmentAction = _random.Next(2) == 0 ? LearnerAction.Hold : LearnerAction.Act;
                }
            }
            _segmentReward = 0;
            _segmentChange = 0;
            _started = true;
        }

        _wasHolding = holding;
        _lastOpenEdge = openEdge;
        _lastCloseEdge = closeEdge;
        _lastTimeToFundingMs = features.TimeToFundingMs;
        _lastFundingRate = (double)features.FundingRate;
        return _segmentAction == LearnerAction.Hold
            ? EdgeDecision.Hold
            : new EdgeDecision(holding ? EdgeAction.Close : EdgeAction.Open);
    }

    // max(α, 1/n) for the n-th update of (state, action) in this learner's life: a rarely visited pair takes its
    // experience at full weight instead of being shrunk towards zero, a frequent one settles to α.
    private double StepSize(int state, LearnerAction action)
    {
        if (!AverageEarlyVisits)
        {
            return _options.Alpha;
        }

        _visits ??= new int[StateSpace.StateCount * 2];
        var n = ++_visits[(state * 2) + (int)action];
        return Math.Max(_options.Alpha, 1.0 / n);
    }

    // Each state is explored at most once per interval: a state entered again and again at a bin edge does not turn
    // exploration into churn, and a state seen for the first time (the start of a dislocation) is explored at once.
    private bool ExplorationDue(int state, long nowMs)
    {
        if (_lastDrawByState is null)
        {
            _lastDrawByState = new long[StateSpace.StateCount];
            Array.Fill(_lastDrawByState, long.MinValue / 2);
        }

        if (nowMs - _lastDrawByState[state] < _options.ExplorationIntervalMs)
        {
            return false;
        }

        _lastDrawByState[state] = nowMs;
        return true;
    }

    private double Reward(bool holding, double closeEdge, in EdgeFeatures features)
    {
        double reward = 0;
        if (holding && _wasHolding)
        {
            var change = double.IsFinite(closeEdge) && double.IsFinite(_lastCloseEdge) ? closeEdge - _lastCloseEdge : 0;
            reward = change;
            _segmentChange += change;

            // A settlement passed: the time to the next one jumped up; the short perp received the rate.
            if (features.TimeToFundingMs is { } next && _lastTimeToFundingMs is { } before && next > before)
            {
                reward += _lastFundingRate * 10_000;
            }
        }
        else if (holding && double.IsFinite(_lastOpenEdge) && double.IsFinite(closeEdge))
        {
            reward = _lastOpenEdge + closeEdge; // the open just executed: the position is worth this if closed now
        }

        return reward;
    }

    // An exponentially weighted variance of tick-to-tick basis changes ("recent basis volatility"), and a fast and a
    // slow average of the basis whose difference is the trend.
    private void TrackVolatility(double basis)
    {
        if (double.IsNaN(_fastBasis))
        {
            (_fastBasis, _slowBasis) = (basis, basis);
        }
        else
        {
            _fastBasis = (_fastDecay * _fastBasis) + ((1 - _fastDecay) * basis);
            _slowBasis = (_slowDecay * _slowBasis) + ((1 - _slowDecay) * basis);
        }

        if (!double.IsNaN(_lastBasis))
        {
            var change = basis - _lastBasis;
            _volatilityVariance = (_volatilityDecay * _volatilityVariance) + ((1 - _volatilityDecay) * change * change);
        }

        _lastBasis = basis;
    }
}
