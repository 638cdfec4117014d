namespace Arb.Engine.Risk;

public enum OrderVerdict
{
    /// <summary>Send it as asked.</summary>
    Allow,

    /// <summary>Send at most <see cref="OrderCheck.NotionalUsd"/> (the engine rounds down to the lot and checks the minimums).</summary>
    Shrink,

    /// <summary>Do not send it.</summary>
    Refuse,
}

/// <summary>The risk manager's answer for one order: the notional it may have, and for a shrink or refusal the rule and why.</summary>
public readonly record struct OrderCheck(OrderVerdict Verdict, decimal NotionalUsd, RiskRule? Rule, string? Reason)
{
    public bool IsAllowed => Verdict != OrderVerdict.Refuse;

    public static OrderCheck Allow(decimal notionalUsd) => new(OrderVerdict.Allow, notionalUsd, null, null);

    public static OrderCheck Shrink(decimal notionalUsd, RiskRule rule, string reason) => new(OrderVerdict.Shrink, notionalUsd, rule, reason);

    public static OrderCheck Refuse(RiskRule rule, string reason) => new(OrderVerdict.Refuse, 0m, rule, reason);
}
