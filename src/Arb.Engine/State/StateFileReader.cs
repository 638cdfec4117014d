using System.Text.Json;

namespace Arb.Engine.State;

/// <summary>
/// Reads one state file and says exactly what is wrong with it when it cannot be used: missing, empty, cut off
/// (valid JSON up to an early end), garbage, another schema version, or a complete document that fails
/// validation. The version is checked before the model is bound, so a file from another version reports that
/// rather than whichever field changed.
/// </summary>
internal static class StateFileReader
{
    private const string VersionProperty = "schemaVersion";

    public static (BotState? State, StateFileIssue? Issue) Read(string path)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return Fail(path, StateFileProblem.Unreadable, "a directory is in its place");
            }

            if (!File.Exists(path))
            {
                return Fail(path, StateFileProblem.Missing, "no such file");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(path, StateFileProblem.Missing, "no such file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(path, StateFileProblem.Unreadable, ex.Message);
        }

        return Parse(path, bytes);
    }

    internal static (BotState? State, StateFileIssue? Issue) Parse(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..]; // an editor's byte-order mark is not corruption
        }

        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail(path, StateFileProblem.Empty, $"{bytes.Length} bytes, no content");
        }

        var (shape, version, detail) = Scan(bytes);
        switch (shape)
        {
            case Shape.Truncated:
                return Fail(path, StateFileProblem.Truncated, $"ends early after {bytes.Length} bytes");
            case Shape.Garbage:
                return Fail(path, StateFileProblem.Garbage, detail);
            case Shape.Complete when version != BotState.CurrentSchemaVersion:
                return Fail(path, StateFileProblem.WrongVersion, version switch
                {
                    null => "no schemaVersion",
                    int.MinValue => "schemaVersion is not an integer",
                    _ => $"schema version {version}, this build reads {BotState.CurrentSchemaVersion}",
                });
        }

        BotState? state;
        try
        {
            state = JsonSerializer.Deserialize(bytes, StateJsonContext.Default.BotState);
        }
        catch (JsonException ex)
        {
            return Fail(path, StateFileProblem.Invalid, ex.Message);
        }

        if (state is null)
        {
            return Fail(path, StateFileProblem.Invalid, "null document");
        }

        return StateValidator.Problem(state) is { } problem ? Fail(path, StateFileProblem.Invalid, problem) : (state, null);
    }

    // One pass over the tokens. Read as a non-final block, the reader stops without error where the data ends in
    // the middle of a value: that is a cut-off file, told apart from bytes that could never be JSON.
    private static (Shape Shape, int? Version, string Detail) Scan(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, default);
        int? version = null;
        var complete = false;
        try
        {
            if (!reader.Read())
            {
                return (Shape.Truncated, null, "");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return (Shape.Garbage, null, $"starts with {reader.TokenType}, not an object");
            }

            while (reader.Read())
            {
                if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals(VersionProperty))
                {
                    if (!reader.Read())
                    {
                        break;
                    }

                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : int.MinValue;
                }

                complete = reader is { TokenType: JsonTokenType.EndObject, CurrentDepth: 0 };
            }
        }
        catch (JsonException ex)
        {
            return (Shape.Garbage, null, ex.Message);
        }

        return complete ? (Shape.Complete, version, "") : (Shape.Truncated, null, "");
    }

    private static (BotState?, StateFileIssue?) Fail(string path, StateFileProblem problem, string detail) =>
        (null, new StateFileIssue(path, problem, detail));

    private enum Shape
    {
        Complete,
        Truncated,
        Garbage,
    }
}
