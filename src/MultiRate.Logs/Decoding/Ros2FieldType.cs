namespace MultiRate.Logs.Decoding;

/// <summary>The resolved type of one field: a primitive or a nested message, possibly an array.</summary>
internal sealed class Ros2FieldType
{
    private Ros2FieldType? element;

    /// <summary>The primitive element type, or <see cref="Ros2Primitive.None"/> for a nested message.</summary>
    public Ros2Primitive Primitive { get; init; }

    /// <summary>The nested element type; set during resolution when <see cref="Primitive"/> is None.</summary>
    public Ros2MsgType? Nested { get; set; }

    /// <summary>The type name as written (e.g. <c>geometry_msgs/Vector3</c>), for resolution and errors.</summary>
    public required string ElementName { get; init; }

    /// <summary>Upper bound of a bounded string (<c>string&lt;=N</c>), or -1.</summary>
    public int StringBound { get; init; } = -1;

    /// <summary>Array kind of the field.</summary>
    public Ros2ArrayKind ArrayKind { get; init; }

    /// <summary>Fixed length (<see cref="Ros2ArrayKind.Fixed"/>) or bound (<see cref="Ros2ArrayKind.Bounded"/>).</summary>
    public int ArrayLength { get; init; }

    /// <summary>The element type as a scalar (same element, no array), used to encode/decode array items.</summary>
    /// <remarks>Created on first use, after resolution has set <see cref="Nested"/>.</remarks>
    public Ros2FieldType ElementType => ArrayKind == Ros2ArrayKind.None
        ? this
        : element ??= new Ros2FieldType { Primitive = Primitive, Nested = Nested, ElementName = ElementName, StringBound = StringBound };

    /// <inheritdoc />
    public override string ToString() => ArrayKind switch
    {
        Ros2ArrayKind.Fixed => $"{ElementName}[{ArrayLength}]",
        Ros2ArrayKind.Bounded => $"{ElementName}[<={ArrayLength}]",
        Ros2ArrayKind.Unbounded => $"{ElementName}[]",
        _ => ElementName,
    };
}
