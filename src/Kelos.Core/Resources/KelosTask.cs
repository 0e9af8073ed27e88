using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>The <c>Task</c> kind (named so to stay clear of <see cref="System.Threading.Tasks.Task"/>).</summary>
public sealed class KelosTask : KelosResource
{
    [Required]
    [JsonPropertyName("spec")]
    public TaskSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public KelosTaskStatus? Status { get; set; }
}
