using Kelos.Core.Templating;

namespace Kelos.Core.Tests.Templating;

public class GoNamesTests
{
    [Theory]
    [InlineData("Title", "title")]
    [InlineData("RepositoryOwner", "repository_owner")]
    [InlineData("Deps", "deps")]
    [InlineData("Results", "results")]
    [InlineData("ID", "id")]
    [InlineData("URL", "url")]
    [InlineData("HeadSHA", "head_sha")]
    [InlineData("CommentURL", "comment_url")]
    [InlineData("URLPath", "url_path")]
    [InlineData("ReviewComments", "review_comments")]
    [InlineData("Number2", "number2")]
    public void ToSnakeCase_GoName_IsSnakeCase(string go, string expected)
    {
        Assert.Equal(expected, GoNames.ToSnakeCase(go));
    }
}
