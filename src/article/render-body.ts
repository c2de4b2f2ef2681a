// article: a record body as written (Markdown, HTML or dispatch blocks) → unsanitised HTML.
import { Marked } from 'marked';
import { escapeHtml } from '../_lib/escape-markup.ts';
import type { DispatchBlock, RecordBody } from '../records/raw-record.ts';

// One private instance: options set here never leak into (or from) the global `marked`.
const markdown = new Marked({ gfm: true, async: false });

/**
 * Turns a body into HTML: Markdown via marked (GFM), raw HTML as given, dispatch blocks as
 * `<h2 class="kicker">` (an ALL-CAPS banner opens a section), `<h3>` (a heading inside it) and `<p>`.
 * The result still needs {@link cleanHtml}.
 */
export function renderBody(body: RecordBody): string {
  return renderBodyMarkup(body).html;
}

/**
 * {@link renderBody}, and whether any of the HTML is the author's own: an HTML record, or Markdown holding raw HTML
 * (marked passes `html` tokens through as written). The rest is written by marked or here, every text escaped.
 */
export function renderBodyMarkup(body: RecordBody): { readonly html: string; readonly authored: boolean } {
  switch (body.kind) {
    case 'markdown': {
      const tokens = markdown.lexer(body.text);
      let authored = false;
      markdown.walkTokens(tokens, (token) => {
        if (token.type === 'html') authored = true;
      });
      return { html: markdown.parser(tokens), authored };
    }
    case 'html':
      return { html: body.html, authored: true };
    case 'blocks':
      return { html: body.blocks.map(renderBlock).join('\n'), authored: false };
    case 'none':
      return { html: '', authored: false };
  }
}

// --- internal ---

// The wire's kicker is a section banner and its short lines are headings within a section: readers and
// screen readers should see both as headings, not paragraphs, one level apart (the page title is the h1).
function renderBlock(block: DispatchBlock): string {
  const text = escapeHtml(block.text);
  switch (block.kind) {
    case 'kicker':
      return `<h2 class="kicker">${text}</h2>`;
    case 'heading':
      return `<h3>${text}</h3>`;
    case 'paragraph':
      return `<p>${text}</p>`;
  }
}
