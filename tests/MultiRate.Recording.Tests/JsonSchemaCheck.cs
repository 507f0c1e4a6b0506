using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Recording.Tests;

/// <summary>
/// Checks the recorder's schemas are JSON Schema objects and that messages conform to them, for the
/// subset the recorder uses: type (one or a list), properties, required, enum, items.
/// </summary>
internal static class JsonSchemaCheck
{
    public static void AssertIsObjectSchema(McapSchema schema)
    {
        JsonObject root = JsonNode.Parse(schema.Data.Span)!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string)root["$schema"]!);
        Assert.Equal(schema.Name, (string)root["title"]!);
        Assert.Equal("object", (string)root["type"]!);
        JsonObject properties = root["properties"]!.AsObject();
        Assert.NotEmpty(properties);
        foreach (KeyValuePair<string, JsonNode?> p in properties)
        {
            Assert.NotNull(p.Value!["type"]);
        }

        foreach (JsonNode? r in root["required"]!.AsArray())
        {
            Assert.True(properties.ContainsKey((string)r!), $"{schema.Name}: required '{r}' is not a property");
        }
    }

    public static void AssertConforms(McapSchema schema, JsonObject message, string topic)
    {
        JsonObject root = JsonNode.Parse(schema.Data.Span)!.AsObject();
        foreach (JsonNode? r in root["required"]!.AsArray())
        {
            Assert.True(message.ContainsKey((string)r!), $"{topic}: message lacks required '{r}'");
        }

        JsonObject properties = root["properties"]!.AsObject();
        foreach (KeyValuePair<string, JsonNode?> field in message)
        {
            Assert.True(properties.ContainsKey(field.Key), $"{topic}: field '{field.Key}' is not in schema {schema.Name}");
            AssertValue(properties[field.Key]!.AsObject(), field.Value, $"{topic}.{field.Key}");
        }
    }

    private static void AssertValue(JsonObject schema, JsonNode? value, string where)
    {
        string[] types = schema["type"] is JsonArray list ? list.Select(t => (string)t!).ToArray() : [(string)schema["type"]!];
        string actual = TypeOf(value);
        Assert.True(types.Contains(actual) || (actual == "integer" && types.Contains("number")), $"{where}: {actual} is not {string.Join('|', types)}");
        if (schema["enum"] is JsonArray allowed)
        {
            Assert.Contains((string)value!, allowed.Select(a => (string)a!));
        }

        if (schema["items"] is JsonObject items && value is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                AssertValue(items, item, where + "[]");
            }
        }
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) || value.ToJsonString().Contains('E', StringComparison.OrdinalIgnoreCase) ? "number" : "integer",
        _ => "unknown",
    };
}
