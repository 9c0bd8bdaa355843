#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A copy of the shared benchmark's peers/curl_parallel.sh, unchanged below this paragraph, so that
# `titlewave-bench --https` runs the same curl peer on its own farm. Over HTTPS the harness names
# its test CA in CURL_CA_BUNDLE, which curl reads; curl negotiates HTTP/2 where the server offers it.
#
# curl_parallel.sh LIST OUT [--timeout S]
#
# Peer: one `curl --parallel` per phase (front pages, then newest articles), grep/sed to
# extract the first post link and the <title>, perl (HTML::Entities) to decode entities and
# write the CSV.  A floor for "just fetch it" speed rather than a careful client: it
# decodes every page as UTF-8 (ignores <meta charset>), uses regexes instead of an HTML
# parser, and curl 7.88 runs at most 300 transfers at once (--parallel-max limit).
set -uo pipefail
export LC_ALL=C  # grep/sed work on bytes; perl decodes UTF-8 at the end

usage() { echo "usage: $0 LIST OUT [--timeout S]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
list=$(realpath "$1") out=$(realpath -m "$2")
shift 2
timeout=10
while [[ $# -gt 0 ]]; do
    case $1 in
        --timeout) timeout=$2; shift 2 ;;
        *) usage ;;
    esac
done

work=$(mktemp -d /tmp/curl-peer.XXXXXX)
trap 'rm -rf "$work"' EXIT

# fetch PHASE < "index<TAB>url" lines: download each URL to $work/PHASE.<index> and print
# "index<TAB>http_code<TAB>effective_url" for every transfer, failed ones included.
fetch() {
    local phase=$1
    awk -F'\t' -v dir="$work" -v phase="$phase" \
        '{ printf "url = \"%s\"\noutput = \"%s/%s.%s\"\n", $2, dir, phase, $1 }' >"$work/$phase.cfg"
    curl --parallel --parallel-immediate --parallel-max 300 --silent --no-progress-meter --location --max-redirs 10 \
         --max-time "$timeout" --connect-timeout "$timeout" --noproxy '*' \
         --user-agent blogfarm-bench-peer/1 \
         --write-out '%{filename_effective}\t%{http_code}\t%{url_effective}\n' \
         --config "$work/$phase.cfg" |
        sed -E "s|^.*/$phase\\.([0-9]+)\t|\\1\t|"
}

# Files of the transfers that answered 200, as "PHASE.index" names.
ok_files() { awk -F'\t' -v phase="$1" '$2 == 200 { print phase "." $1 }'; }

cd "$work" || exit 1
grep -v -E '^[[:space:]]*(#|$)' "$list" | awk '{ print NR - 1 "\t" $0 }' >blogs.tsv

# Phase 1: front pages -> first <h2 ...><a ... href="..."> of each page, made absolute.
fetch front <blogs.tsv >front.status
ok_files front <front.status |
    xargs -r grep -a -H -o -m1 -E '<h2[^>]*>[[:space:]]*<a [^>]*href="[^"]*"' |
    sed -E 's/^front\.([0-9]+):.*href="([^"]*)".*/\1\t\2/; s/&amp;/\&/g' >hrefs.tsv
awk -F'\t' '
    NR == FNR { base[$1] = $3; next }
    {
        href = $2; b = base[$1]
        if (href !~ /^https?:\/\//) {
            if (href ~ /^\//) { match(b, /^https?:\/\/[^\/]+/); href = substr(b, 1, RLENGTH) href }
            else { sub(/[^\/]*$/, "", b); href = b href }
        }
        print $1 "\t" href
    }' front.status hrefs.tsv >articles.tsv

# Phase 2: articles -> text of the first <title> (newlines inside it become spaces).
fetch article <articles.tsv >article.status
ok_files article <article.status |
    xargs -r grep -a -H -z -o -m1 -E '<title[^>]*>[^<]*</title>' |
    tr '\n\0' ' \n' |
    sed -E 's/^article\.([0-9]+):<title[^>]*>(.*)<\/title>$/\1\t\2/' >titles.tsv

# Assemble the CSV in list order; decode entities, collapse whitespace, quote fields.
perl -MEncode -MHTML::Entities -e '
    my ($blogs, $articles, $titles, $out) = @ARGV;
    my (%article, %title);
    sub rows { open my $f, "<", shift or die $!; map { chomp; [split /\t/, $_, 2] } <$f> }
    $article{$_->[0]} = $_->[1] for rows($articles);
    for (rows($titles)) { $title{$_->[0]} //= $_->[1] }
    sub csv { my $s = shift // ""; $s =~ /[",\n]/ ? "\"" . ($s =~ s/"/""/gr) . "\"" : $s }
    open my $o, ">:encoding(UTF-8)", $out or die "$out: $!";
    print $o "blog_url,article_url,title\n";
    for (rows($blogs)) {
        my ($i, $blog) = @$_;
        my $t = decode_entities(decode("UTF-8", $title{$i} // ""));
        $t = join " ", split " ", $t;
        print $o join(",", map { csv($_) } $blog, $article{$i}, $t), "\n";
    }' blogs.tsv articles.tsv titles.tsv "$out"
