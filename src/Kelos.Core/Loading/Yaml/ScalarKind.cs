namespace Kelos.Core.Loading.Yaml;

/// <summary>What a YAML scalar is under the YAML 1.2 core schema.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
