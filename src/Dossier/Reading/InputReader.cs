using System.Reflection;
using System.Text;
using Dossier.Model;

namespace Dossier.Reading;

/// <summary>Limits that keep one bad input from hurting the batch.</summary>
public sealed record ReaderOptions
{
    /// <summary>Largest document accepted, in bytes (default 20 MB).</summary>
    public long MaxDocumentBytes { get; init; } = 20L * 1024 * 1024;
}

/// <summary>
/// Turns what the user named (files, folders, <c>-</c> for stdin) into decoded documents, one error item
/// per input that cannot be read. Folders are walked recursively in ordinal order so runs are repeatable.
/// </summary>
public sealed class InputReader(ReaderOptions options)
{
    /// <summary>A reader with default limits.</summary>
    public InputReader() : this(new ReaderOptions()) { }

    /// <summary>The options in force.</summary>
    public ReaderOptions Options { get; } = options;

    /// <summary>Reads every input in order.</summary>
    public IEnumerable<ReadItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                using var stdin = Console.OpenStandardInput();
                foreach (var item in ReadStream("-", stdin))
                {
                    yield return item;
                }

                continue;
            }

            if (Directory.Exists(path))
            {
                foreach (var item in ReadFolder(path))
                {
                    yield return item;
                }

                continue;
            }

            if (!File.Exists(path))
            {
                yield return ReadItem.Failed(path, null, "no such file or folder");
                continue;
            }

            foreach (var item in ReadFile(path))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads the demo corpus embedded in the library.</summary>
    public IEnumerable<ReadItem> ReadDemo()
    {
        var assembly = typeof(InputReader).Assembly;
        const string prefix = "Dossier.demo.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var item in ReadStream("demo/" + name[prefix.Length..], stream))
            {
                yield return item;
            }
        }
    }

    /// <summary>Names of the embedded demo files.</summary>
    public static IReadOnlyList<string> DemoFileNames() =>
        [.. typeof(InputReader).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Dossier.demo.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private IEnumerable<ReadItem> ReadFolder(string folder)
    {
        IEnumerable<string> files;
        string? failure = null;
        try
        {
            files = [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            files = [];
            failure = e is UnauthorizedAccessException ? "permission denied" : e.Message;
        }

        if (failure is not null)
        {
            yield return ReadItem.Failed(folder, null, failure);
            yield break;
        }

        foreach (var file in files)
        {
            foreach (var item in ReadFile(file))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<ReadItem> ReadFile(string path)
    {
        Stream? stream = null;
        string? failure = null;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > Options.MaxDocumentBytes)
            {
                failure = $"larger than the {Options.MaxDocumentBytes / (1024 * 1024)} MB limit";
            }
            else
            {
                stream = File.OpenRead(path);
            }
        }
        catch (UnauthorizedAccessException)
        {
            failure = "permission denied";
        }
        catch (IOException e)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            yield return ReadItem.Failed(path, null, failure);
            yield break;
        }

        using (stream)
        {
            foreach (var item in ReadStream(path, stream!))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<ReadItem> ReadStream(string path, Stream stream)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        if (bytes.Length > Options.MaxDocumentBytes)
        {
            yield return ReadItem.Failed(path, null, $"larger than the {Options.MaxDocumentBytes / (1024 * 1024)} MB limit");
            yield break;
        }

        if (!ContentDecoder.TryDecode(bytes, out var text, out var reason))
        {
            yield return ReadItem.Failed(path, null, reason);
            yield break;
        }

        var kind = ContentDecoder.LooksLikeHtml(text) ? DocumentKind.Html : DocumentKind.Text;
        yield return ReadItem.Of(new SourceDocument(path, null, kind, text, SourceHints.None));
    }
}

/// <summary>Bytes to text: byte-order marks, strict UTF-8, binary refused.</summary>
public static class ContentDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; false with a reason for empty, binary or undecodable input.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string reason)
    {
        text = "";
        if (bytes.IsEmpty)
        {
            reason = "empty file";
            return false;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            if (bytes.Contains((byte)0))
            {
                reason = "binary content";
                return false;
            }

            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                reason = "invalid UTF-8";
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "empty file";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>True when the text starts like markup rather than prose.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("<body", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
