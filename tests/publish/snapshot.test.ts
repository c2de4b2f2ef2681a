import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSnapshot, type RenderedDocument } from '../../src/publish/snapshot.ts';

function makeDocument(overrides: Partial<RenderedDocument> = {}): RenderedDocument {
  return {
    path: '/feed.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8"?>\n<rss><channel><title>L’été « chaud » — café</title></channel></rss>\n'.repeat(20),
    lastModified: new Date('2024-11-22T10:15:30.987Z'),
    ...overrides,
  };
}

const info = { articleCount: 3, updated: new Date('2024-11-22T10:15:30.987Z') };

describe('createSnapshot', () => {
  describe('when given documents', () => {
    const documents = [makeDocument(), makeDocument({ path: '/', contentType: 'text/html; charset=utf-8', body: '<!doctype html><p>Accueil</p>' })];
    const snapshot = createSnapshot(documents, info);
    const entry = snapshot.entries.get('/feed.xml')!;

    it('keys every entry by its exact path', () => {
      expect([...snapshot.entries.keys()]).toEqual(['/feed.xml', '/']);
    });

    it('stores the body as UTF-8 bytes', () => {
      expect(entry.identity.toString('utf8')).toBe(documents[0]!.body);
    });

    it('stores a gzip body that decompresses to the identity body', () => {
      expect(gunzipSync(entry.gzip).equals(entry.identity)).toBe(true);
    });

    it('stores a brotli body that decompresses to the identity body', () => {
      expect(brotliDecompressSync(entry.br).equals(entry.identity)).toBe(true);
    });

    it('gives each encoding a distinct strong ETag', () => {
      const tags = Object.values(entry.etags);
      expect(new Set(tags).size).toBe(3);
      for (const tag of tags) expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    });

    it('derives the gzip and brotli ETags from the identity one', () => {
      const base = entry.etags.identity.slice(1, -1);
      expect([entry.etags.gzip, entry.etags.br]).toEqual([`"${base}-gz"`, `"${base}-br"`]);
    });

    it('rounds lastModified down to whole seconds', () => {
      expect(entry.lastModified.toISOString()).toBe('2024-11-22T10:15:30.000Z');
    });

    it('carries the article count and a whole-second updated date', () => {
      expect([snapshot.articleCount, snapshot.updated.toISOString()]).toEqual([3, '2024-11-22T10:15:30.000Z']);
    });

    it('writes a gzip header without a timestamp', () => {
      expect(entry.gzip.readUInt32LE(4)).toBe(0);
    });
  });

  describe('when run twice on the same documents', () => {
    it('produces byte-identical bodies and ETags', () => {
      const a = createSnapshot([makeDocument()], info).entries.get('/feed.xml')!;
      const b = createSnapshot([makeDocument()], info).entries.get('/feed.xml')!;
      expect([a.gzip.equals(b.gzip), a.br.equals(b.br), a.etags]).toEqual([true, true, b.etags]);
    });
  });

  describe('when one character of the body changes', () => {
    it('changes every ETag', () => {
      const a = createSnapshot([makeDocument({ body: 'é' })], info).entries.get('/feed.xml')!;
      const b = createSnapshot([makeDocument({ body: 'e' })], info).entries.get('/feed.xml')!;
      expect(Object.values(a.etags).some((tag, i) => tag === Object.values(b.etags)[i])).toBe(false);
    });
  });

  describe('when misused', () => {
    it.each([
      ['two documents share a path', [makeDocument(), makeDocument()], info],
      ['a path is relative', [makeDocument({ path: 'feed.xml' })], info],
      ['lastModified is invalid', [makeDocument({ lastModified: new Date(Number.NaN) })], info],
      ['updated is missing', [makeDocument()], { articleCount: 1 }],
    ])('throws a TypeError when %s', (_name, documents, snapshotInfo) => {
      expect(() => createSnapshot(documents, snapshotInfo as typeof info)).toThrow(TypeError);
    });
  });
});
