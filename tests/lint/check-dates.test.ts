import { describe, expect, it } from 'vitest';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { atomDoc, atomEntry, lineOfMarker, NOW, rssDoc, rssItem } from './feed-docs.ts';

const rssWithDate = (date: string) => rssDoc({ items: [rssItem({ pubDate: `<pubDate>${date}</pubDate>` })] });
const codesOf = (body: string, format: 'rss' | 'atom') => lintFeed({ path: '/f', body, format, now: NOW }).map((d) => d.code);

describe('RSS pubDate', () => {
  describe('when the date is RFC 822', () => {
    it.each([
      'Fri, 22 Nov 2024 00:00:00 +0100',
      'Fri, 22 Nov 2024 00:00:00 GMT',
      'Fri, 22 Nov 2024 00:00 GMT', // seconds are optional
      '22 Nov 2024 00:00:00 +0100', // the weekday is optional
      'Fri, 22 Nov 2024 00:00:00 UT',
      'Fri, 22 Nov 2024 00:00:00 Z',
      'Fri, 22 Nov 2024 00:00:00 EST',
      'Sat, 2 Mar 2024 09:05:00 -0500',
      'Thu, 29 Feb 2024 12:00:00 +0000', // leap day
    ])('accepts %s', (date) => {
      expect(codesOf(rssWithDate(date), 'rss')).toEqual([]);
    });
  });

  describe('when the date is not RFC 822', () => {
    it.each([
      'Fri, 22 Nov 2024 00:00:00 UTC', // a zone name RFC 822 does not know
      'Fri, 22 Nov 2024 00:00:00 CET',
      'Fri, 22 Nov 2024 00:00:00 CEST',
      'ven., 22 nov. 2024 00:00:00 +0100', // French names
      'Ven, 22 Nov 2024 00:00:00 +0100',
      'Fri, 22 Novembre 2024 00:00:00 +0100',
      'vendredi, novembre 22, 2024',
      '2024-11-22T00:00:00+01:00', // ISO 8601 belongs in Atom
      'Fri, 22 Nov 2024 00:00:00', // no zone
      'Fri, 22 Nov 2024 00:00:00 +01:00', // colon in the offset
      'Fri, 22 Nov 2024 24:00:00 +0100',
      'Sat, 30 Feb 2024 00:00:00 +0100', // no such day
      'Fri, 22 Nov 202 00:00:00 +0100',
    ])('rejects %s on its line', (date) => {
      const body = rssWithDate(date);
      const found = lintFeed({ path: '/f', body, format: 'rss', now: NOW }).filter((d) => d.code === 'date-rfc822');
      expect(found.map((d) => [d.line, d.field])).toEqual([[lineOfMarker(body, '<pubDate>'), 'pubDate']]);
    });
  });

  // feedvalidator: ProblematicalRFC822Date — RFC 822 allows these, but not every reader parses them.
  describe('when the date is RFC 822 but not in RFC 2822 form', () => {
    it.each([
      'Fri, 22 Nov 24 00:00:00 +0100', // two-digit year
      'fri, 22 nov 2024 00:00:00 +0100', // lower-case names
      'Fri,  22 Nov 2024 00:00:00 +0100', // two spaces
      'Fri, 22 Nov 2024 00:00:00 A', // military zone
      'Fri, 22 Nov 2024 00:00:00 +0545', // offset not in whole or half hours
    ])('warns date-rfc822-form for %s on its line', (date) => {
      const body = rssWithDate(date);
      const found = lintFeed({ path: '/f', body, format: 'rss', now: NOW });
      expect(found.map((d) => [d.code, d.severity, d.line])).toEqual([['date-rfc822-form', 'warning', lineOfMarker(body, '<pubDate>')]]);
    });
  });

  describe('when the weekday does not match the date', () => {
    it.each(['Thu, 22 Nov 2024 00:00:00 +0100', 'Mon, 01 Dec 2024 00:00:00 GMT'])('flags %s', (date) => {
      expect(codesOf(rssWithDate(date), 'rss')).toEqual(['date-weekday']);
    });
  });

  describe('when the date is implausible', () => {
    it.each([
      ['date-future', 'Wed, 03 Dec 2025 00:00:00 +0100'],
      ['date-future', '03 Dec 2024 00:00:00 GMT'], // two days after "now"
      ['date-too-old', '31 Dec 1989 00:00:00 GMT'],
    ])('reports %s for %s', (code, date) => {
      expect(codesOf(rssWithDate(date), 'rss')).toEqual([code]);
    });
    it('accepts a date a few hours ahead of now (clock skew)', () => {
      expect(codesOf(rssWithDate('01 Dec 2024 20:00:00 GMT'), 'rss')).toEqual([]);
    });
  });

  // Date.UTC reads the years 0–99 as 1900–1999; 1 January 0001 is a Monday, 1 January 1901 a Tuesday.
  describe('when the year is below 100', () => {
    it.each([
      [['date-too-old'], 'Mon, 01 Jan 0001 00:00:00 GMT'],
      [['date-weekday', 'date-too-old'], 'Tue, 01 Jan 0001 00:00:00 GMT'],
      [['date-too-old'], 'Tue, 29 Feb 0000 00:00:00 GMT'],
    ])('reports %j for %s, read in its own year', (codes, date) => {
      expect(codesOf(rssWithDate(date), 'rss')).toEqual(codes);
    });
  });

  describe('when lastBuildDate is not RFC 822', () => {
    it('flags it too', () => {
      const body = rssDoc().replace('<lastBuildDate>Fri, 22 Nov 2024 00:00:00 +0100', '<lastBuildDate>2024-11-22');
      expect(codesOf(body, 'rss')).toEqual(['date-rfc822']);
    });
  });
});

describe('Atom dates', () => {
  describe('when the date is RFC 3339 with an offset', () => {
    it.each(['2024-11-22T00:00:00+01:00', '2024-11-21T23:00:00Z', '2024-11-21T23:00:00.123Z', '2024-11-21T18:00:00-05:00'])('accepts %s', (date) => {
      expect(codesOf(atomDoc({ entries: [atomEntry({ updated: `<updated>${date}</updated>` })] }), 'atom')).toEqual([]);
    });
  });

  describe('when the year is below 100', () => {
    // 0000 is a leap year (proleptic Gregorian), 1900 is not: read as 1900, 29 February would be no day.
    it.each(['0000-02-29T00:00:00Z', '0099-06-01T00:00:00+01:00'])('reads %s as a real, implausibly old date', (date) => {
      expect(codesOf(atomDoc({ entries: [atomEntry({ updated: `<updated>${date}</updated>` })] }), 'atom')).toEqual(['date-too-old']);
    });
  });

  describe('when the date is not RFC 3339', () => {
    it.each([
      '2024-11-22T00:00:00', // no offset
      '2024-11-22', // no time
      '2024-11-22 00:00:00+01:00', // space instead of T
      '2024-11-22T00:00:00+0100', // offset without colon
      'Fri, 22 Nov 2024 00:00:00 +0100',
      '2024-02-30T00:00:00Z',
      '22/11/2024',
    ])('rejects %s on its line', (date) => {
      const body = atomDoc({ entries: [atomEntry({ published: `<published>${date}</published>` })] });
      const found = lintFeed({ path: '/f', body, format: 'atom', now: NOW }).filter((d) => d.code === 'date-rfc3339');
      expect(found.map((d) => [d.line, d.field])).toEqual([[lineOfMarker(body, '<published>'), 'published']]);
    });
  });
});
