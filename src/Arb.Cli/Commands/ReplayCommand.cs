using System.CommandLine;
using Arb.Cli.Replay;
using Arb.Domain.Market;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot replay --category spot|linear FILE</c>.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var category = new Option<string>("--category", "-c")
        {
            Description = "Market of the recorded frames: spot or linear",
            Required = true,
        };
        category.AcceptOnlyFromAmong("spot", "linear");
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "Recorded WebSocket frames, one raw JSON message per line ('-' reads standard input)",
        };

        var command = new Command(
            "replay",
            "Rebuild order books from recorded Bybit frames and print the top of book after each update as CSV " +
            $"({FrameReplayer.Header}). Gaps, resets and malformed lines are reported on stderr with their line number.");
        command.Options.Add(category);
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            MarketCategoryNames.TryParse(parse.GetValue(category), out var market);
            var path = parse.GetValue(file)!;
            return Run(market, path, Console.Out, Console.Error);
        });
        return command;
    }

    internal static int Run(MarketCategory category, FileInfo path, TextWriter output, TextWriter errors)
    {
        TextReader input;
        if (path.Name == "-")
        {
            input = Console.In;
        }
        else if (!path.Exists)
        {
            errors.WriteLine($"replay: file not found: {path.FullName}");
            return ExitCodes.BadConfiguration;
        }
        else
        {
            input = new StreamReader(path.FullName);
        }

        using (input)
        {
            new FrameReplayer(category, output, errors).Run(input);
        }

        return ExitCodes.Ok;
    }
}
