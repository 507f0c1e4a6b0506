using MultiRate.Logs.Decoding;
using MultiRate.Logs.Ros2Bag;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>The shipped common message definitions: complete, and equal to what real bags store.</summary>
public sealed class Ros2MsgLibraryTests
{
    [Fact]
    public void Resolve_EveryShippedType_ParsesWithAllItsDependencies()
    {
        string[] shipped = [.. typeof(Ros2MsgLibrary).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("ros2msg/", StringComparison.Ordinal))];
        var library = new Ros2MsgLibrary([]);

        Assert.True(shipped.Length >= 100, $"{shipped.Length} shipped definitions");
        foreach (string resource in shipped)
        {
            string[] parts = resource["ros2msg/".Length..^".msg".Length].Split('/');
            string type = $"{parts[0]}/msg/{parts[1]}";
            string? text = library.Resolve(type, out string? missing);
            Assert.True(text is not null, $"{type}: {missing} missing");
            Ros2MsgSchema schema = Ros2MsgSchema.Parse(type, text!);
            Assert.Equal(type, schema.Root.FullName);
        }
    }

    [Fact]
    public void Resolve_TfMessage_HasTheSameLayoutAsTheBagsOwnDefinition()
    {
        var file = Ros2Db3File.Open(Path.Combine(Ros2BagTestData.Folder("ros2-db3-tf-rosbags"), "tf_example.db3"));
        Ros2MsgSchema stored = Ros2MsgSchema.Parse("tf2_msgs/msg/TFMessage", file.Definitions["tf2_msgs/msg/TFMessage"]);

        Ros2MsgSchema shipped = Ros2MsgSchema.Parse("tf2_msgs/msg/TFMessage", new Ros2MsgLibrary([]).Resolve("tf2_msgs/msg/TFMessage", out _)!);

        Assert.Equal(Layout(stored.Root), Layout(shipped.Root));
        Assert.Contains("geometry_msgs/msg/TransformStamped", Layout(shipped.Root), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MessagePathType_TakesPrecedenceOverShipped()
    {
        DirectoryInfo share = Directory.CreateTempSubdirectory("multirate-share-");
        try
        {
            Directory.CreateDirectory(Path.Combine(share.FullName, "std_msgs", "msg"));
            File.WriteAllText(Path.Combine(share.FullName, "std_msgs", "msg", "String.msg"), "string data\nuint8 extra\n");

            string? text = new Ros2MsgLibrary([share.FullName]).Resolve("std_msgs/String", out _);

            Assert.Equal("string data\nuint8 extra\n", text);
        }
        finally
        {
            share.Delete(recursive: true);
        }
    }

    [Fact]
    public void Resolve_UnknownDependency_NamesIt()
    {
        Assert.Null(new Ros2MsgLibrary([]).Resolve("no_such_pkg/msg/Thing", out string? missing));
        Assert.Equal("no_such_pkg/msg/Thing", missing);
    }

    private static string Layout(Ros2MsgType type) =>
        type.FullName + "{" + string.Join(";", type.Fields.Select(f => $"{f.Type.Primitive}/{f.Type.ArrayKind}/{f.Type.ArrayLength} {f.Name}" + (f.Type.Nested is { } n ? " " + Layout(n) : string.Empty))) + "}";
}
