using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Host.WhatsApp;

public sealed class WhatsAppOptionsTests
{
    [Fact]
    public void WhenEnabledEverySecretIsRequired()
    {
        var result = new WhatsAppOptionsValidator().Validate(null, new WhatsAppOptions { Enabled = true });

        Assert.True(result.Failed);
        foreach (var key in new[] { "VerifyToken", "AppSecret", "AccessToken", "PhoneNumberId" })
        {
            Assert.Contains(result.Failures!, f => f.Contains("WhatsApp:" + key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void WhenDisabledNothingIsRequired() =>
        Assert.True(new WhatsAppOptionsValidator().Validate(null, new WhatsAppOptions()).Succeeded);

    [Fact]
    public void AnUnknownTemplateParameterIsRefused()
    {
        var options = new WhatsAppOptions
        {
            Enabled = true,
            VerifyToken = "v",
            AppSecret = "s",
            AccessToken = "t",
            PhoneNumberId = "1",
            ReminderTemplate = new WhatsAppTemplateOptions { Name = "x", BodyParameters = "text, deadline" },
        };

        var result = new WhatsAppOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("'deadline'", StringComparison.Ordinal));
    }
}
