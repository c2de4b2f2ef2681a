// lint: the XML namespaces the format rules recognise, spelled once.

/** Atom 1.0 (RFC 4287 §2). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RDF, the root of RSS 1.0. */
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** RSS 1.0 content module (`content:encoded`). */
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
/** XHTML, the markup of Atom `type="xhtml"` text (RFC 4287 §3.1.1.3). */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
