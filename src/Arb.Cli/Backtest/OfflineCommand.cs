using Arb.Cli.Settings;
using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// What <c>backtest</c> and <c>train</c> share around their work: the settings (from the given variables, or the
/// process environment and <c>.env</c>), and every way the input can be unusable turned into exit code 2 with one
/// line that says why, a cancel into 1.
/// </summary>
internal static class OfflineCommand
{
    /// <param name="verb">Prefixes the messages (<c>backtest: ...</c>).</param>
    /// <param name="work">Runs with the settings, the variables they came from and the <c>.env</c> path (null when the variables were given).</param>
    public static async Task<int> RunAsync(
        string verb,
        TextWriter errors,
        IReadOnlyDictionary<string, string?>? environment,
        Func<BotSettings, IReadOnlyDictionary<string, string?>, string?, Task<int>> work,
        CancellationToken ct)
    {
        var dotEnv = environment is null ? Path.Combine(Directory.GetCurrentDirectory(), SettingsLoader.DefaultDotEnvFileName) : null;
        environment ??= SettingsLoader.ReadProcessEnvironment();
        try
        {
            return await work(SettingsLoader.Load(environment, dotEnv), environment, dotEnv);
        }
        catch (SettingsException ex)
        {
            await errors.WriteLineAsync($"arbbot: invalid setting: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (Exception ex) when (ex is BacktestInputException or FormatException or QuoteDataException)
        {
            await errors.WriteLineAsync($"{verb}: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (IOException ex)
        {
            await errors.WriteLineAsync($"{verb}: cannot read or write a file: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await errors.WriteLineAsync($"{verb}: cancelled, nothing written");
            return ExitCodes.Failure;
        }
    }
}
