using System.Globalization;

namespace Dossier.Cli;

/// <summary>
/// The clock the command hands to the pipeline: the system clock, unless <c>SOURCE_DATE_EPOCH</c> (the
/// reproducible-builds convention, seconds since 1970) fixes it, so that reruns give byte-identical output.
/// </summary>
internal static class CliClock
{
    public static TimeProvider Create()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(epoch))
        {
            return TimeProvider.System;
        }

        if (!long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new UsageException($"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'");
        }

        return new FixedClock(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
