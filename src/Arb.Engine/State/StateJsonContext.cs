using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arb.Engine.State;

/// <summary>
/// The state file's JSON, generated at compile time (no reflection): camelCase names, enums by name, decimals as
/// strings, and strict reading: a missing constructor parameter or a null where the model has none fails.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(DecimalStringConverter)])]
[JsonSerializable(typeof(BotState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
