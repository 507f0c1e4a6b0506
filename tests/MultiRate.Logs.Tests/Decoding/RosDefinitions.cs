namespace MultiRate.Logs.Tests.Decoding;

/// <summary>
/// ros2msg schema texts as rosbag2 stores them in MCAP (main type, then '=' separators and
/// "MSG:" headers), copied from the ROS 2 common_interfaces / rcl_interfaces definitions
/// (comments shortened).
/// </summary>
internal static class RosDefinitions
{
    private const string Sep = "================================================================================\n";

    public const string Time = """
        # This message communicates ROS Time defined here:
        # https://design.ros2.org/articles/clock_and_time.html

        # The seconds component, valid over all int32 values.
        int32 sec

        # The nanoseconds component, valid in the range [0, 10e9).
        uint32 nanosec

        """;

    public const string Header = """
        # Standard metadata for higher-level stamped data types.

        # Two-integer timestamp that is expressed as seconds and nanoseconds.
        builtin_interfaces/Time stamp

        # Transform frame with which this data is associated.
        string frame_id

        """;

    public const string Vector3 = """
        # This represents a vector in free space.

        # This is semantically different than a point.
        float64 x
        float64 y
        float64 z

        """;

    public const string Quaternion = """
        # This represents an orientation in free space in quaternion form.

        float64 x 0
        float64 y 0
        float64 z 0
        float64 w 1

        """;

    public const string Point = """
        # This contains the position of a point in free space
        float64 x
        float64 y
        float64 z

        """;

    public const string Pose = """
        # A representation of pose in free space, composed of position and orientation.

        Point position
        Quaternion orientation

        """;

    public static readonly string Imu = """
        # This is a message to hold data from an IMU (Inertial Measurement Unit)
        #
        # If the covariance of the measurement is known, it should be filled in (if all you know is the
        # variance of each measurement, e.g. from the datasheet, just put those along the diagonal)

        std_msgs/Header header

        geometry_msgs/Quaternion orientation
        float64[9] orientation_covariance # Row major about x, y, z axes

        geometry_msgs/Vector3 angular_velocity
        float64[9] angular_velocity_covariance # Row major about x, y, z axes

        geometry_msgs/Vector3 linear_acceleration
        float64[9] linear_acceleration_covariance # Row major x, y z

        """ + Dep("geometry_msgs/Quaternion", Quaternion) + Dep("geometry_msgs/Vector3", Vector3)
        + Dep("std_msgs/Header", Header) + Dep("builtin_interfaces/Time", Time);

    public static readonly string JointState = """
        # This is a message that holds data to describe the state of a set of torque controlled joints.

        # The header specifies the time at which the joint states were recorded.
        std_msgs/Header header

        string[] name
        float64[] position
        float64[] velocity
        float64[] effort

        """ + Dep("std_msgs/Header", Header) + Dep("builtin_interfaces/Time", Time);

    public static readonly string Twist = """
        # This expresses velocity in free space broken into its linear and angular parts.

        Vector3  linear
        Vector3  angular

        """ + Dep("geometry_msgs/Vector3", Vector3);

    public static readonly string PoseStamped = """
        # A Pose with reference coordinate frame and timestamp

        std_msgs/Header header
        Pose pose

        """ + Dep("std_msgs/Header", Header) + Dep("builtin_interfaces/Time", Time)
        + Dep("geometry_msgs/Pose", Pose) + Dep("geometry_msgs/Point", Point) + Dep("geometry_msgs/Quaternion", Quaternion);

    public static readonly string NavSatFix = """
        # Navigation Satellite fix for any Global Navigation Satellite System

        std_msgs/Header header

        # Satellite fix status information.
        NavSatStatus status

        # Latitude [degrees]. Positive is north of equator; negative is south.
        float64 latitude

        # Longitude [degrees]. Positive is east of prime meridian; negative is west.
        float64 longitude

        # Altitude [m]. Positive is above the WGS 84 ellipsoid
        float64 altitude

        # Position covariance [m^2] defined relative to a tangential plane
        float64[9] position_covariance

        # If the covariance of the fix is known, fill it in completely.
        uint8 COVARIANCE_TYPE_UNKNOWN = 0
        uint8 COVARIANCE_TYPE_APPROXIMATED = 1
        uint8 COVARIANCE_TYPE_DIAGONAL_KNOWN = 2
        uint8 COVARIANCE_TYPE_KNOWN = 3

        uint8 position_covariance_type

        """ + Dep("sensor_msgs/NavSatStatus", """
        # Navigation Satellite fix status for any Global Navigation Satellite System.

        # Whether to output an augmented fix is determined by both the fix
        # type and the last time differential corrections were received.
        int8 STATUS_NO_FIX =  -1        # unable to fix position
        int8 STATUS_FIX =      0        # unaugmented fix
        int8 STATUS_SBAS_FIX = 1        # with satellite-based augmentation
        int8 STATUS_GBAS_FIX = 2        # with ground-based augmentation

        int8 status

        # Bits defining which Global Navigation Satellite System signals were
        # used by the receiver.

        uint16 SERVICE_GPS =     1
        uint16 SERVICE_GLONASS = 2
        uint16 SERVICE_COMPASS = 4      # includes BeiDou.
        uint16 SERVICE_GALILEO = 8

        uint16 service

        """) + Dep("std_msgs/Header", Header) + Dep("builtin_interfaces/Time", Time);

    private static string Dep(string name, string text) => Sep + "MSG: " + name + "\n" + text;
}
