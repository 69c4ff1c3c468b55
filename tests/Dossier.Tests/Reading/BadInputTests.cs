using System.Text;
using Dossier.Model;
using Dossier.Reading;

namespace Dossier.Tests.Reading;

/// <summary>Each malformed input gives exactly one error naming it, and the inputs after it are still read.</summary>
public class BadInputTests
{
    private const string GoodText = "Library reopens\n\nMARLOW BAY: The town library reopened on Saturday after repairs.\n";

    private static (InputError Error, List<ReadItem> Items) ReadBadThenGood(TempFolder temp, string badPath, ReaderOptions? options = null)
    {
        var good = temp.Write("zz-good.txt", GoodText);
        var items = new InputReader(options ?? new ReaderOptions()).Read([badPath, good]).ToList();
        var errors = items.Where(i => i.Error is not null).ToList();
        var error = Assert.Single(errors).Error!;
        Assert.Equal(badPath, error.Path);
        Assert.Equal(good, items[^1].Document?.Path);
        return (error, items);
    }

    [Fact]
    public void An_empty_file_is_one_error()
    {
        using var temp = new TempFolder();
        Assert.Equal("empty file", ReadBadThenGood(temp, temp.Write("empty.txt", [])).Error.Reason);
        Assert.Equal("empty file", ReadBadThenGood(temp, temp.Write("blank.txt", "  \r\n\t\n")).Error.Reason);
    }

    [Fact]
    public void A_binary_file_is_one_error()
    {
        using var temp = new TempFolder();
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0x01;
        Assert.StartsWith("binary content", ReadBadThenGood(temp, temp.Write("noise.txt", bytes)).Error.Reason, StringComparison.Ordinal);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Assert.Equal("binary content (png)", ReadBadThenGood(temp, temp.Write("photo.html", png)).Error.Reason);
    }

    [Fact]
    public void Invalid_utf8_is_one_error()
    {
        using var temp = new TempFolder();
        // Valid multi-byte sequences beside broken ones: damaged UTF-8, not a legacy encoding.
        byte[] bytes = [.. "Caf\u00e9 \u201cquoted\u201d "u8, 0xC3, 0x28, .. " and "u8, 0xE2, 0x82, .. " end\n"u8];
        Assert.Equal("invalid UTF-8", ReadBadThenGood(temp, temp.Write("broken.txt", bytes)).Error.Reason);
    }

    [Fact]
    public void A_50_MB_single_line_file_is_one_error()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "one-line.txt");
        using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("the same words again and ", 4096)));
            for (long written = 0; written < 50L * 1024 * 1024; written += chunk.Length)
            {
                file.Write(chunk);
            }
        }

        Assert.Equal("larger than the 20 MB limit", ReadBadThenGood(temp, path).Error.Reason);
    }

    [Fact]
    public void A_folder_without_permission_is_one_error_and_its_siblings_are_read()
    {
        using var temp = new TempFolder();
        temp.Write("a-open/one.txt", GoodText);
        temp.Write("b-locked/two.txt", GoodText);
        temp.Write("c-open/three.txt", GoodText);
        var locked = Path.Combine(temp.Path, "b-locked");

        // Root reads any folder whatever its mode, so the denial is staged at the file-system seam the reader uses.
        var real = Dossier.Reading.FileAccess.Real;
        var denying = real with
        {
            Files = f => f == locked ? throw new UnauthorizedAccessException() : real.Files(f),
        };
        var items = new InputReader(new ReaderOptions(), denying).Read([temp.Path]).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(new InputError(locked, null, "permission denied"), items[1].Error);
        Assert.EndsWith("one.txt", items[0].Document!.Path, StringComparison.Ordinal);
        Assert.EndsWith("three.txt", items[2].Document!.Path, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_without_permission_on_disk_is_one_error()
    {
        using var temp = new TempFolder();
        temp.Write("locked/two.txt", GoodText);
        var locked = Path.Combine(temp.Path, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var canStillList = true;
            try
            {
                _ = Directory.GetFiles(locked);
            }
            catch (UnauthorizedAccessException)
            {
                canStillList = false;
            }

            if (canStillList)
            {
                Assert.Skip("running as root (or with CAP_DAC_READ_SEARCH): mode 000 does not deny; the seam test covers the code path");
            }

            Assert.Equal("permission denied", ReadBadThenGood(temp, locked).Error.Reason);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_file_without_permission_is_one_error()
    {
        using var temp = new TempFolder();
        var path = temp.Write("secret.txt", GoodText);
        var real = Dossier.Reading.FileAccess.Real;
        var denying = real with { Open = p => p == path ? throw new UnauthorizedAccessException() : real.Open(p) };
        var items = new InputReader(new ReaderOptions(), denying).Read([path, temp.Write("zz.txt", GoodText)]).ToList();
        Assert.Equal("permission denied", items[0].Error!.Reason);
        Assert.NotNull(items[1].Document);
    }

    [Fact]
    public void A_truncated_warc_gz_yields_every_whole_record_then_one_error()
    {
        using var temp = new TempFolder();
        var records = Enumerable.Range(1, 5).Select(i => Warc.Response($"urn:uuid:rec-{i}", $"https://news.example.test/{i}", Warc.Page($"Story {i}", $"Paragraph of story {i}."))).ToArray();
        var whole = Warc.GzipPerRecord(records);
        var firstThree = Warc.GzipPerRecord(records[..3]).Length;
        // Cut in the middle of the fourth record's gzip member.
        var path = temp.Write("crawl.warc.gz", whole[..(firstThree + 40)]);
        var (error, items) = ReadBadThenGood(temp, path);
        Assert.Equal(["urn:uuid:rec-1", "urn:uuid:rec-2", "urn:uuid:rec-3"], items.Where(i => i.Document?.Path == path).Select(i => i.Document!.Record));
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_plain_warc_yields_every_whole_record_then_one_error()
    {
        using var temp = new TempFolder();
        var records = Enumerable.Range(1, 3).Select(i => Warc.Response($"urn:uuid:p-{i}", $"https://news.example.test/{i}", Warc.Page($"Story {i}", $"Paragraph {i}."))).ToArray();
        byte[] all = [.. records.SelectMany(r => r)];
        var path = temp.Write("crawl.warc", all[..(all.Length - 30)]);
        var (error, items) = ReadBadThenGood(temp, path);
        Assert.Equal(2, items.Count(i => i.Document?.Path == path));
        Assert.Equal("urn:uuid:p-3", error.Record);
        Assert.StartsWith("truncated WARC record", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_is_one_error_and_is_stopped_early()
    {
        using var temp = new TempFolder();
        // 1 GB of zeros after a text-like start compresses about a thousand to one.
        var path = Path.Combine(temp.Path, "bomb.txt.gz");
        using (var file = File.Create(path))
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gz.Write("Title\n\n"u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 1024; i++)
            {
                gz.Write(spaces);
            }
        }

        Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (error, _) = ReadBadThenGood(temp, path, new ReaderOptions { MaxDocumentBytes = 2L * 1024 * 1024 * 1024 });
        Assert.Contains("gzip bomb", error.Reason, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L * 1024 * 1024, "the bomb was decompressed too far before being stopped");
    }
}
