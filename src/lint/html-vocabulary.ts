// lint: which HTML the W3C Feed Validation Service accepts in feed content — element names and inline styles.

/**
 * HTML element names, current and obsolete (WHATWG HTML §4 and §16): a tag outside this set is not HTML at all,
 * e.g. Word's `<o:p>` (feedvalidator: NotHtml, "Non-html tag").
 */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set([
  // document, sections and grouping
  'html', 'head', 'title', 'base', 'link', 'meta', 'style', 'body', 'article', 'section', 'nav', 'aside', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'hgroup', 'header', 'footer', 'address', 'p', 'hr', 'pre', 'blockquote', 'ol', 'ul', 'menu',
  'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'main', 'search', 'div',
  // text-level
  'a', 'em', 'strong', 'small', 's', 'cite', 'q', 'dfn', 'abbr', 'ruby', 'rt', 'rp', 'data', 'time', 'code', 'var',
  'samp', 'kbd', 'sub', 'sup', 'i', 'b', 'u', 'mark', 'bdi', 'bdo', 'span', 'br', 'wbr', 'ins', 'del',
  // embedded, tables, forms, scripting
  'picture', 'source', 'img', 'iframe', 'embed', 'object', 'param', 'video', 'audio', 'track', 'map', 'area', 'table',
  'caption', 'colgroup', 'col', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'form', 'label', 'input', 'button',
  'select', 'datalist', 'optgroup', 'option', 'textarea', 'output', 'progress', 'meter', 'fieldset', 'legend',
  'details', 'summary', 'dialog', 'script', 'noscript', 'template', 'slot', 'canvas',
  // obsolete, still parsed as HTML
  'acronym', 'applet', 'basefont', 'big', 'center', 'dir', 'font', 'frame', 'frameset', 'noframes', 'strike', 'tt',
  'isindex', 'listing', 'plaintext', 'xmp', 'comment', 'command', 'eventsource', 'datagrid', 'm',
]);

/**
 * Elements that load or run something, or restyle and restructure the reader's own page: the validator reports each
 * as a security risk (feedvalidator: SecurityRisk) and feed readers strip them.
 */
export const UNSAFE_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'param', 'frame', 'frameset', 'noframes', 'meta', 'link',
  'base', 'basefont', 'html', 'head', 'body', 'title', 'xmp', 'plaintext', 'listing', 'isindex', 'comment',
]);

/** Presentational CSS properties the validator lets through in a `style` attribute. */
const SAFE_CSS_PROPERTIES: ReadonlySet<string> = new Set([
  'background', 'background-color', 'border', 'border-collapse', 'border-color', 'border-spacing', 'border-style',
  'border-width', 'clear', 'color', 'cursor', 'direction', 'display', 'float', 'font', 'font-family', 'font-size',
  'font-style', 'font-variant', 'font-weight', 'height', 'letter-spacing', 'line-height', 'list-style-type', 'margin',
  'overflow', 'padding', 'text-align', 'text-decoration', 'text-indent', 'unicode-bidi', 'vertical-align',
  'white-space', 'width',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [
    `border-${side}`, `border-${side}-color`, `border-${side}-style`, `border-${side}-width`, `margin-${side}`, `padding-${side}`,
  ]),
  // aural properties (CSS 2.1 appendix A) are harmless too
  'azimuth', 'elevation', 'pause', 'pause-after', 'pause-before', 'pitch', 'pitch-range', 'richness', 'speak',
  'speak-header', 'speak-numeral', 'speak-punctuation', 'speech-rate', 'stress', 'voice-family', 'volume',
]);

/** Keywords allowed in the shorthand `background`, `border`, `margin` and `padding` values. */
const SAFE_CSS_KEYWORDS: ReadonlySet<string> = new Set([
  'auto', 'none', 'normal', 'transparent', 'inherit', '!important', 'solid', 'dashed', 'dotted', 'collapse', 'medium',
  'top', 'right', 'bottom', 'left', 'center', 'both', 'block', 'bold', 'italic', 'underline', 'nowrap', 'pointer',
  'aqua', 'black', 'blue', 'brown', 'fuchsia', 'gray', 'green', 'lime', 'maroon', 'navy', 'olive', 'purple', 'red',
  'silver', 'teal', 'white', 'yellow',
]);
/** A colour (`#fff`, `rgb(0, 0, 0)`) or a number with an optional unit (`1em`, `10px`, `50%`, `0`). */
const SAFE_CSS_VALUE = /^(?:#[0-9a-f]{3,8}|rgb\([\d\s,%]+\)|-?\d*\.?\d+(?:cm|em|ex|in|mm|pc|pt|px|%)?)$/;

/**
 * The parts of a `style` attribute the validator calls dangerous (feedvalidator: DangerousStyleAttr): the whole value
 * when it holds anything but plain declarations (`url(`, comments, escapes, `expression(`), else each property outside
 * the presentational set and each unusual keyword of a box shorthand. Empty when the style is safe.
 */
export function unsafeStyleParts(style: string): string[] {
  if (!isPlainDeclarationList(style)) return [style];
  const unsafe = new Set<string>();
  for (const declaration of style.toLowerCase().split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    if (!SAFE_CSS_PROPERTIES.has(property)) {
      unsafe.add(property);
    } else if (/^(?:background|border|margin|padding)(?:-|$)/.test(property)) {
      for (const keyword of declaration.slice(colon + 1).trim().split(/\s+/).filter(Boolean)) {
        if (!SAFE_CSS_KEYWORDS.has(keyword) && !SAFE_CSS_VALUE.test(keyword)) unsafe.add(keyword);
      }
    }
  }
  return [...unsafe];
}

// --- internal ---

/** `prop: value; prop: value` made of words, numbers, colours, quoted names and digit lists only. */
function isPlainDeclarationList(style: string): boolean {
  // Remove what may hold other characters (quoted font names, rgb() arguments, hyphenated words), then look at the rest.
  const rest = style.replace(/'[\s\w]+'|"[\s\w]+"|\([\d,%\s]+\)|(?<=\w)-(?=\w)/g, 'x');
  if (/[^\w\s:,;#%.!]/.test(rest) || rest.includes('_')) return false;
  return style.split(';').every((part) => part.trim() === '' || /^\s*[-\w]+\s*:[^:]*$/.test(part));
}
