// lint: predicates on single values (URLs, language tags, e-mail addresses) shared by the format rules.

/** True for an absolute `http:` or `https:` URL with a host. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (/\s/.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when `value` starts with a URI scheme (RFC 3986 §3.1), so it is not a relative reference. */
export function hasUriScheme(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value.trim());
}

/** True for a full IRI (RFC 3987): a scheme, something after it, and no white space. */
export function isFullIri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(value);
}

/**
 * True for a well-formed BCP 47 language tag such as `fr`, `fr-FR`, `fr-CA` or `zh-Hant-TW`.
 * RFC 5646 §2.1: language 2–3 letters, optional script (4 letters), region (2 letters or 3 digits), variants.
 */
export function isLanguageTag(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|\d{3}))?(-(?:[a-zA-Z0-9]{5,8}|\d[a-zA-Z0-9]{3}))*(-[a-wyzA-WYZ0-9](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?$/.test(value);
}

/** True for `user@example.org` or `user@example.org (Name)`, the RSS 2.0 `author`/`managingEditor` form. */
export function isRssEmail(value: string): boolean {
  return /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+(\s+\([^()]*\))?$/.test(value.trim());
}
