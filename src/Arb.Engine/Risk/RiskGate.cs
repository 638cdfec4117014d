namespace Arb.Engine.Risk;

/// <summary>
/// Where the symbols' traders meet the risk manager for opens: every symbol's held and in-flight notional, so an
/// open is checked against MAX_POSITION_USD and MAX_EXPOSURE_USD with everything else counted, and reserved in the
/// same step (two symbols deciding at once cannot both take the last room). Its lock is taken inside a trader's
/// lock and takes only the risk manager's after it, never a trader's, so locks always nest in one order.
/// </summary>
public sealed class RiskGate
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, (decimal Held, decimal Reserved)> _symbols = new(StringComparer.Ordinal);

    // ExposureRoom as of the last change, recomputed (same sum, same order) under the lock whenever a figure changes,
    // so the sizing read on every book update takes no lock: a reference is read atomically, a decimal is not.
    private Room _room;

    public RiskGate(RiskManager risk)
    {
        Risk = risk ?? throw new ArgumentNullException(nameof(risk));
        _room = new Room(ComputeRoom());
    }

    public RiskManager Risk { get; }

    /// <summary>Whether new positions may be opened at all now: trading Active and no daily pause. Allocation-free.</summary>
    public bool OpensAllowed => Risk.State == TradingState.Active && Risk.Pause is null;

    /// <summary>MAX_EXPOSURE_USD less every symbol's held and reserved notional, for sizing. Allocation-free.</summary>
    public decimal ExposureRoom => Volatile.Read(ref _room).Value;

    /// <summary>Raised (outside the gate's lock) when a limit refused or shrank an open; must not block.</summary>
    public event Action<string, OrderCheck>? Limited;

    /// <summary>Checks an open and, when allowed (possibly shrunk), reserves the allowed notional.</summary>
    public OrderCheck TryReserve(string symbol, decimal notionalUsd)
    {
        OrderCheck check;
        lock (_sync)
        {
            check = Risk.CheckOpen(symbol, notionalUsd, View());
            if (check.IsAllowed)
            {
                var (held, reserved) = _symbols.GetValueOrDefault(symbol);
                _symbols[symbol] = (held, reserved + check.NotionalUsd);
                Changed();
            }
        }

        if (check.Verdict != OrderVerdict.Allow && check.Rule is not RiskRule.NotActive)
        {
            Limited?.Invoke(symbol, check);
        }

        return check;
    }

    /// <summary>Gives back a reservation when its execution ends (its fills are in the held notional by then).</summary>
    public void Release(string symbol, decimal notionalUsd)
    {
        lock (_sync)
        {
            var (held, reserved) = _symbols.GetValueOrDefault(symbol);
            _symbols[symbol] = (held, Math.Max(0m, reserved - notionalUsd));
            Changed();
        }
    }

    /// <summary>The symbol's held notional changed (a fill was booked).</summary>
    public void SetHeld(string symbol, decimal notionalUsd)
    {
        lock (_sync)
        {
            var (_, reserved) = _symbols.GetValueOrDefault(symbol);
            _symbols[symbol] = (notionalUsd, reserved);
            Changed();
        }
    }

    public ExposureView Exposure()
    {
        lock (_sync)
        {
            return View();
        }
    }

    private void Changed() => Volatile.Write(ref _room, new Room(ComputeRoom()));

    private decimal ComputeRoom()
    {
        var total = 0m;
        foreach (var (held, reserved) in _symbols.Values)
        {
            total += held + reserved;
        }

        return Risk.Limits.MaxExposureUsd - total;
    }

    private ExposureView View() => new([.. _symbols.Select(s => new SymbolExposure(s.Key, s.Value.Held, s.Value.Reserved))]);

    private sealed class Room(decimal value)
    {
        public decimal Value { get; } = value;
    }
}
