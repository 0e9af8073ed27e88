using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.GitHub;

/// <summary>GitHub's error bodies: <c>{message, documentation_url, status}</c>, plus <c>errors</c> for a 422.</summary>
internal static class GitHubErrors
{
    public const string DocumentationUrl = "https://docs.github.com/rest";

    public const string NotAccessible = "Resource not accessible by integration";

    public static IResult Error(int status, string message) =>
        StandInJson.Ok(new { Message = message, DocumentationUrl, Status = status.ToString(CultureInfo.InvariantCulture) }, status);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Not Found");

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, message);

    public static IResult Forbidden(string message = NotAccessible) => Error(StatusCodes.Status403Forbidden, message);

    public static IResult BadJson() => Error(StatusCodes.Status400BadRequest, "Problems parsing JSON");

    public static IResult Validation(string resource, string field, string code, string message) =>
        StandInJson.Ok(
            new
            {
                Message = "Validation Failed",
                Errors = new[] { new { Resource = resource, Code = code, Field = field, Message = message } },
                DocumentationUrl,
                Status = "422",
            },
            StatusCodes.Status422UnprocessableEntity);

    /// <summary>GitHub's own words for a comment body over 65,536 characters.</summary>
    public static IResult BodyTooLong(string resource) =>
        Validation(resource, "data", "unprocessable", $"Body is too long (maximum is {GitHubLimits.MaxBodyLength} characters)");

    public static IResult Missing(string resource, string field) =>
        Validation(resource, field, "missing_field", $"{field} wasn't supplied.");
}
