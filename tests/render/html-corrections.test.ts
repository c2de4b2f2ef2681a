// The article page's "Rectificatif" section: each note with its French date, its text escaped, and the date of the
// latest note as the page's modification.
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../../src/article/article.ts';
import { latestUpdate } from '../../src/article/read-corrections.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { renderArticlePage } from '../../src/render/html.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const config = makeConfig();
const note = (iso: string, text: string): Correction => ({ date: new Date(iso), text, key: iso });

describe('the article page', () => {
  describe('when the article carries notes', () => {
    const date = new Date('2024-11-21T23:00:00Z');
    const corrections = [
      note('2024-11-23T08:15:00Z', 'Une version précédente donnait « 12 morts ».'),
      note('2024-11-25T09:00:00Z', '<script>alert(1)</script> & co'),
    ];
    const article = makeArticle({ date, corrections, updated: latestUpdate(date, corrections) });
    const doc = parseDocument(renderArticlePage(article, buildFeedSet([article], config), config));
    const section = findAll((e) => e.name === 'section' && getAttributeValue(e, 'class') === 'corrections', doc.children)[0];

    it('shows them under a « Rectificatif » heading, inside the article', () => {
      const heading = section && findAll((e) => e.name === 'h2', [section]).map((e) => textContent(e));
      expect({ heading, inArticle: isInside(section, 'article') }).toEqual({ heading: ['Rectificatif'], inArticle: true });
    });

    it('gives each note its French date and its text, escaped', () => {
      const items = section ? findAll((e) => e.name === 'li', [section]) : [];
      expect(items.map((li) => [timeOf(li), textContent(li)])).toEqual([
        ['2024-11-23T09:15:00+01:00', 'samedi 23 novembre 2024 à 9 h 15 : Une version précédente donnait « 12 morts ».'],
        ['2024-11-25T10:00:00+01:00', 'lundi 25 novembre 2024 à 10 h : <script>alert(1)</script> & co'],
      ]);
    });

    it('has no script but the JSON-LD data block, whatever a note says', () => {
      expect(findAll((e) => e.name === 'script' && e.attribs.type !== 'application/ld+json', doc.children)).toEqual([]);
    });

    it('says when it was last updated: the latest note', () => {
      expect(textContent(doc)).toContain('Mis à jour le lundi 25 novembre 2024 à 10 h');
    });
  });

  it('has no « Rectificatif » section without notes', () => {
    const article = makeArticle();
    expect(renderArticlePage(article, buildFeedSet([article], config), config)).not.toContain('Rectificatif');
  });
});

function timeOf(element: Element): string | undefined {
  const time = findAll((e) => e.name === 'time', [element])[0];
  return time && getAttributeValue(time, 'datetime');
}

function isInside(element: Element | undefined, tag: string): boolean {
  for (let parent = element?.parent; parent; parent = parent.parent) if ((parent as Element).name === tag) return true;
  return false;
}
