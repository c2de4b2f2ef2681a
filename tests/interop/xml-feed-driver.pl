#!/usr/bin/perl
# interop: parse one feed file with Perl's XML::Feed (Debian libxml-feed-perl) and print, as JSON, what its
# format-neutral entry methods return: what a Perl reader built on XML::Feed shows.
use strict;
use warnings;
use JSON::PP;
use XML::Feed;

# XML::Atom (under XML::Feed's Atom) hands back undecoded UTF-8 bytes unless told otherwise (XML::Atom's
# documented $ForceUnicode switch); a Perl reader that shows Atom text sets it, so do we.
$XML::Atom::ForceUnicode = 1;

sub iso {
    my ($dt) = @_;
    return undef unless $dt;
    return $dt->clone->set_time_zone('UTC')->strftime('%Y-%m-%dT%H:%M:%SZ');
}

# XML::Feed returns one string, or (for a repeated RSS element) an array reference: report a list either way.
sub names {
    my ($value) = @_;
    return [] unless defined $value;
    return [map { "$_" } @$value] if ref $value eq 'ARRAY';
    return ["$value"];
}

# The lead image: XML::Feed's one enclosure accessor (RSS enclosure, Atom link rel="enclosure"). Its entry API has
# no Media RSS accessor, so mediaContent, caption and credit stay null (READER_BLIND_SPOTS says why).
sub enclosure {
    my ($e) = @_;
    my $x = $e->enclosure or return undef;
    return { url => $x->url, type => $x->type, length => $x->length };
}

my $feed = XML::Feed->parse($ARGV[0]) or die XML::Feed->errstr . "\n";
my @entries = map {
    my $e = $_;
    my $content = $e->content;
    my $summary = $e->summary;
    {
        title      => $e->title,
        link       => $e->link,
        id         => $e->id,
        published  => iso($e->issued),
        updated    => iso($e->modified),
        categories => [map { "$_" } $e->category],
        authors    => names($e->author),
        content    => defined $content ? $content->body : undef,
        summary    => defined $summary ? $summary->body : undef,
        enclosure    => enclosure($e),
        mediaContent => undef,
        caption      => undef,
        credit       => undef,
    }
} $feed->entries;
my $out = { reader => 'xml-feed', format => $feed->format, title => $feed->title, language => $feed->language, entries => \@entries };
print JSON::PP->new->utf8->canonical->encode($out), "\n";
