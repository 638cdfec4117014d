using Arb.Cli.Settings;
using Arb.Engine.Trading;

namespace Arb.Cli.Trading;

/// <summary>MODE=paper: the in-process venue filling at the live books' prices.</summary>
internal static class PaperRuntime
{
    public static VenueRuntime Create(BotSettings settings, IReadOnlyList<SymbolSetup> setups, TimeProvider time) =>
        throw new NotSupportedException("paper venue not wired yet");
}
