namespace Arb.Engine.State;

/// <summary>
/// Neither the state file nor its backup holds a usable snapshot. The bot must not start on a guess: the operator
/// repairs a file or explicitly starts fresh from the exchange's state with <see cref="FreshStartFlag"/>.
/// </summary>
public sealed class StateLoadException(StateFileIssue main, StateFileIssue backup) : Exception(
    $"Cannot resume: the state file {main} and the backup {backup} are both unusable. Repair or restore one of them, "
    + $"or run with {FreshStartFlag} to start from the exchange's positions and balances, discarding the saved PnL, "
    + "peaks and counters.")
{
    public const string FreshStartFlag = "--fresh-start";

    public StateFileIssue Main { get; } = main;

    public StateFileIssue Backup { get; } = backup;
}
