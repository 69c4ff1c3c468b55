#!/usr/bin/env bash
# Writes a WARC 1.1 file of news pages built from our own text, to measure that `dossier extract`
# streams large archives in bounded memory.
#
#   benchmarks/make-warc.sh OUT.warc [SIZE_MB=1024] [--gzip]
#
# Each page is a request record plus a response record (HTTP headers + an HTML page with navigation,
# related links and a footer around the article). Article paragraphs are drawn from the demo corpus
# (samples/demo/*.txt) when it exists, else from the sentences below; a seeded generator makes the
# output identical on every run. With --gzip every record is its own gzip member, as in CC-NEWS
# (perl's core IO::Compress::Gzip compresses record by record).
set -euo pipefail
out=${1:?usage: make-warc.sh OUT.warc [SIZE_MB] [--gzip]}
size_mb=${2:-1024}
gzip_records=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)

sentences=$(mktemp)
trap 'rm -f "$sentences"' EXIT
if compgen -G "$here/samples/demo/*.txt" > /dev/null; then
  # One sentence-ish line per paragraph of the demo reports.
  cat "$here"/samples/demo/*.txt | tr -d '\r' | awk 'length($0) > 60' > "$sentences"
fi
if [ ! -s "$sentences" ]; then
  cat > "$sentences" <<'TEXT'
The regional council approved the harbour expansion plan after a debate that lasted most of the afternoon.
Engineers said the new breakwater would protect the fishing fleet from winter storms for at least fifty years.
Opposition members asked how the project would be paid for and who would carry the risk of delays.
The finance committee estimated the total cost at a little under two hundred million, spread over six years.
Residents of the old quarter have complained for months about lorries using the narrow streets at night.
A spokesperson for the port authority said traffic would be moved to a new access road by the end of next year.
Two neighbouring towns signed a memorandum to share the cost of a flood barrier along the estuary.
Farmers in the valley reported that the harvest was smaller than last year because of the dry spring.
The ministry said it would publish the full inspection report once the families had been informed.
Teachers' unions welcomed the agreement but warned that staff shortages would not be solved quickly.
The river ferry resumed service on Monday after repairs to its engine took longer than expected.
Officials from both delegations described the talks as frank and said a second round would follow in the spring.
The museum returned four carved panels to the village from which they had been taken a century ago.
Local businesses said the night market had brought more visitors to the waterfront than any event in a decade.
The hospital board confirmed that the new wing would open in stages, starting with the children's ward.
Rail operators apologised for the cancellations and promised refunds to passengers with season tickets.
According to the statement, the two sides agreed to meet again before the end of the year to review progress.
The court adjourned the hearing until next month to allow both parties to submit further evidence.
Fire crews worked through the night to contain the blaze, which started in a warehouse near the railway line.
The central bank left its main interest rate unchanged, citing uncertainty about energy prices.
Volunteers planted more than three thousand trees along the old canal towpath over the weekend.
The mayor said the library would keep its late opening hours on weekdays despite the budget cuts.
Inspectors found cracks in the spillway of the old dam and ordered the reservoir to be partly drained.
A new bus route will link the university campus with the railway station from the start of term.
TEXT
fi

plain=$out
if [ "$gzip_records" = "--gzip" ]; then plain=/dev/stdout; fi
LC_ALL=C awk -v target_mb="$size_mb" -v out="$plain" '
function rnd(n) { seed = (seed * 16807) % 2147483647; return int(seed / 2147483647 * n) }
function emit(rec) {
  printf "%s", rec > out
  written += length(rec)
}
function record(type, id, uri, ctype, block,   h) {
  h = "WARC/1.1\r\nWARC-Type: " type "\r\nWARC-Record-ID: <urn:uuid:" id ">\r\nWARC-Date: 2026-01-05T10:00:00Z\r\n" \
      "WARC-Target-URI: " uri "\r\nContent-Type: " ctype "\r\nContent-Length: " length(block) "\r\n\r\n"
  emit(h block "\r\n\r\n")
}
BEGIN {
  seed = 20260105
  while ((getline line < ARGV[1]) > 0) { s[n++] = line }
  ARGV[1] = ""
  target = target_mb * 1024 * 1024
  nav = ""
  for (i = 0; i < 60; i++) nav = nav "<li><a href=\"/section/" i "\">Section " i "</a></li>\n"
  page = 0
  while (written < target) {
    page++
    uri = "https://news.example.test/" int(page / 100) "/story-" page ".html"
    title = s[rnd(n)]
    body = ""
    paras = 8 + rnd(10)
    for (p = 0; p < paras; p++) {
      para = s[rnd(n)]
      k = 2 + rnd(4)
      for (j = 0; j < k; j++) para = para " " s[rnd(n)]
      body = body "<p>" para "</p>\n"
    }
    related = ""
    for (r = 0; r < 12; r++) related = related "<li><a href=\"/story-" rnd(100000) ".html\">" substr(s[rnd(n)], 1, 70) "</a></li>\n"
    html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" title "</title>\n" \
      "<meta property=\"og:site_name\" content=\"Example Courier\"></head>\n<body>\n<nav><ul>\n" nav "</ul></nav>\n" \
      "<main><article><h1>" title "</h1>\n<p class=\"byline\">By Staff Reporter</p>\n" body "</article>\n" \
      "<aside><h2>Related stories</h2><ul>\n" related "</ul></aside></main>\n" \
      "<footer><p>Copyright 2026 Example Courier. All rights reserved.</p></footer>\n</body></html>\n"
    http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " length(html) "\r\n\r\n"
    record("request", sprintf("00000000-0000-4000-8000-%012d", page * 2), uri, "application/http; msgtype=request", \
      "GET /" page " HTTP/1.1\r\nHost: news.example.test\r\n\r\n")
    record("response", sprintf("00000000-0000-4000-8000-%012d", page * 2 + 1), uri, "application/http; msgtype=response", http html)
  }
  printf "%d pages, %d bytes\n", page, written > "/dev/stderr"
}' "$sentences" | if [ "$gzip_records" = "--gzip" ]; then
  # One gzip member per record: read each header up to its blank line, then Content-Length bytes and the
  # record's closing CRLF CRLF, and compress them together.
  perl -MIO::Compress::Gzip=gzip -e '
    binmode STDIN; open(my $out, ">:raw", $ARGV[0]) or die "$ARGV[0]: $!";
    local $/ = "\r\n\r\n";
    while (defined(my $head = <STDIN>)) {
      my ($len) = $head =~ /Content-Length: (\d+)/ or die "record without Content-Length";
      read(STDIN, my $block, $len + 4) == $len + 4 or die "short record";
      my $record = $head . $block;
      gzip(\$record => \my $z, -Level => 1) or die "gzip failed";
      print $out $z;
    }' "$out"
else
  cat
fi
