namespace Arb.Engine.State;

/// <summary>Why a state file could not be used.</summary>
public enum StateFileProblem
{
    Missing,

    /// <summary>Zero bytes, or only whitespace.</summary>
    Empty,

    /// <summary>Valid JSON up to where the file ends early (a cut-off write).</summary>
    Truncated,

    /// <summary>Not JSON, or not a JSON object.</summary>
    Garbage,

    /// <summary>A complete document with another schema version (or none).</summary>
    WrongVersion,

    /// <summary>A complete document of this version that lacks a field or holds impossible values.</summary>
    Invalid,

    /// <summary>The file could not be read (permissions, I/O error, a directory in its place).</summary>
    Unreadable,
}
