// _lib: the syntax of a language tag and of an e-mail address, as the feed linter checks them: the config and the
// records are held to the same rules, so a value they accept never makes a feed fail its lint.

/**
 * True for a well-formed BCP 47 language tag such as `fr`, `fr-FR`, `fr-CA` or `zh-Hant-TW`.
 * RFC 5646 §2.1: language 2–3 letters, optional script (4 letters), region (2 letters or 3 digits), variants.
 */
export function isLanguageTag(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|\d{3}))?(-(?:[a-zA-Z0-9]{5,8}|\d[a-zA-Z0-9]{3}))*(-[a-wyzA-WYZ0-9](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?$/.test(
    value,
  );
}

/**
 * True for the addr-spec the W3C validator accepts (validators.py `addr_spec`): RFC 2822 atom characters before the
 * `@`, a dotted domain or IPv4 prefix after it, e.g. `c.laurent@example.org`, `a+b@example.org`.
 */
export function isAddrSpec(value: string): boolean {
  return /^[A-Z0-9_\-+.'!#$%&*/=?^`{|}~]+@(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.|(?:[A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*$/i.test(value.trim());
}
