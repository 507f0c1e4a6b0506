using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Recording.Tests;

/// <summary>
/// Checks the recorder's schemas are JSON Schema objects and that messages conform to them
/// (through <see cref="JsonSchemaValidator"/>, the subset the project's schemas use).
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
            Assert.True(p.Value!["type"] is not null || p.Value["$ref"] is not null, $"{schema.Name}: property '{p.Key}' has neither type nor $ref");
        }

        foreach (JsonNode? r in root["required"]!.AsArray())
        {
            Assert.True(properties.ContainsKey((string)r!), $"{schema.Name}: required '{r}' is not a property");
        }
    }

    public static void AssertConforms(McapSchema schema, JsonObject message, string topic)
    {
        JsonObject root = JsonNode.Parse(schema.Data.Span)!.AsObject();
        List<string> errors = JsonSchemaValidator.Errors(root, message);
        Assert.True(errors.Count == 0, $"{topic}: {string.Join("; ", errors)}");
    }
}
