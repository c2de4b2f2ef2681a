// lint: the catalog of rule codes and the W3C Feed Validation Service message class each one implements.

/**
 * Rule code → the validator's message class (a class of `feedvalidator/logging.py`) the rule implements, or `null`
 * for Gazette's own rules (JSON Feed, size, mojibake…). A finding may name a more precise subclass at its call site
 * (e.g. `InvalidTAG` for an `id-not-iri` on a bad `tag:` URI); this is the default.
 */
export const RULE_W3C: Readonly<Record<string, string | null>> = {
  // documents
  'xml-malformed': 'SAXError',
  'xml-forbidden-char': 'SAXError',
  'c1-control': 'BadCharacters',
  'replacement-char': 'BadCharacters',
  mojibake: null,
  'feed-size': null,
  'encoding-unknown': 'UnknownEncoding',
  'encoding-mismatch': 'UnicodeError',
  'namespace-unknown': 'UnknownNamespace',
  'element-undefined': 'UndefinedElement',
  'feed-format': 'InvalidRSSVersion',
  'duplicate-element': 'DuplicateElement',
  'missing-required': 'MissingElement',
  'missing-attribute': 'MissingAttribute',
  'text-blank': 'NotBlank',
  'attr-blank': 'AttrNotBlank',
  'language-tag': 'InvalidLanguage',
  'link-type': 'InvalidMIMEType',
  'self-link-missing': 'MissingSelf',
  'self-link-type': 'SelfNotAtom',
  'url-absolute': null,
  'url-invalid': 'InvalidLink',
  'tag-uri': 'InvalidTAG',
  'urn-invalid': 'InvalidURN',
  // dates
  'date-rfc822': 'InvalidRFC2822Date',
  'date-weekday': 'IncorrectDOW',
  'date-rfc822-form': 'ProblematicalRFC822Date',
  'date-rfc3339': 'InvalidRFC3339Date',
  'date-w3cdtf': 'InvalidW3CDTFDate',
  'date-future': 'ImplausibleDate',
  'date-too-old': 'ImplausibleDate',
  // content and text
  'plain-text': 'ContainsHTML',
  'plain-text-unencoded': 'CharacterData',
  'unsafe-element': 'SecurityRisk',
  'unsafe-attribute': 'SecurityRiskAttr',
  'unsafe-url': 'SecurityRiskAttr',
  'unsafe-style': 'DangerousStyleAttr',
  'unknown-html-element': 'NotHtml',
  'relative-url': 'ContainsRelRef',
  'email-invalid': 'InvalidAddrSpec',
  'email-in-text': 'ContainsEmail',
  'email-host': 'UnknownHost',
  'source-incomplete': 'MissingSourceElement',
  // RSS
  'rss-root': 'InvalidRSSVersion',
  'item-title-or-description': 'ItemMustContainTitleOrDescription',
  'author-email': 'InvalidContact',
  'author-email-name': 'MissingRealName',
  'duplicate-semantics': 'DuplicateSemantics',
  'guid-missing': 'MissingGuid',
  'guid-permalink-value': 'InvalidBooleanAttribute',
  'guid-not-permalink': 'InvalidHttpGUID',
  'guid-empty': 'NotBlank',
  'guid-duplicate': 'DuplicateValue',
  'enclosure-attributes': 'MissingAttribute',
  'enclosure-duplicate': 'DuplicateEnclosure',
  'description-with-content': 'NeedDescriptionBeforeContent',
  'integer-value': 'InvalidInteger',
  'form-name': 'InvalidFormComponentName',
  'hour-value': 'InvalidHour',
  'day-value': 'InvalidDay',
  'duplicate-value': 'DuplicateValue',
  'image-size': 'InvalidWidth',
  'update-period': 'InvalidUpdatePeriod',
  'midnight-24': 'UseZeroForMidnight',
  'unexpected-attribute': 'UnexpectedAttribute',
  'guid-short': 'NotSufficientlyUnique',
  coordinate: 'InvalidLatitude',
  'unexpected-text': 'UnexpectedText',
  'skip-count': 'EightDaysAWeek',
  doctype: 'DeprecatedDTD',
  // Media RSS (feedvalidator media.py), in RSS and Atom alike
  'media-group': 'MediaGroupWithoutAlternatives',
  'media-integer': 'InvalidPositiveInteger',
  'media-number': 'InvalidFloat',
  'media-medium': 'InvalidMediaMedium',
  'media-expression': 'InvalidMediaExpression',
  'media-type': 'InvalidMIMEAttribute',
  'media-boolean': 'InvalidBooleanAttribute',
  'media-text-type': 'InvalidMediaTextType',
  'media-credit-role': 'InvalidCreditRole',
  'media-hash': 'InvalidMediaHash',
  'media-rating': 'InvalidMediaRating',
  'media-restriction': 'InvalidMediaRestriction',
  'media-time': 'InvalidNPTTime',
  'media-adult': 'DeprecatedMediaAdult',
  // Atom
  'atom-root': 'InvalidNamespace',
  'author-missing': 'MissingElement',
  'category-term': 'AttrNotBlank',
  'entry-content-or-alternate': 'MissingContentOrAlternate',
  'entry-summary-missing': 'MissingSummary',
  'entry-textual-content': 'MissingTextualContent',
  'id-not-iri': 'InvalidFullLink',
  'id-not-canonical': 'NonCanonicalURI',
  'id-duplicate': 'DuplicateEntries',
  'link-alternate-duplicate': 'DuplicateAtomLink',
  'text-type': 'InvalidTextType',
  'same-updated': 'DuplicateUpdated',
  whitespace: 'UnexpectedWhitespace',
  'link-rel': 'UnregisteredAtomLinkRel',
  'xhtml-div': 'MissingXhtmlDiv',
  'content-type-missing': 'MissingTypeAttr',
  'mode-attribute': 'NotEscaped',
  // JSON Feed (no W3C counterpart)
  'json-malformed': null,
  'json-root': null,
  'json-depth': null,
  'json-version': null,
  'hubs-shape': null,
  'items-array': null,
  'item-object': null,
  'id-type': null,
  'content-missing': null,
  'tags-shape': null,
  'authors-shape': null,
  unreadable: null,
};

/** Rules whose outcome depends on the current time (the build cache re-lints when such a finding exists). */
export const CLOCK_RULES: ReadonlySet<string> = new Set(['date-future']);

/**
 * Rules Gazette reports as an error where the W3C validator accepts the document or only warns, on purpose
 * (docs/conformance.md lists the rules that are errors on purpose, each with its reason).
 */
export const STRICTER_ON_PURPOSE: ReadonlySet<string> = new Set([
  'self-link-missing',
  'self-link-type',
  'id-duplicate',
  'relative-url',
  'unsafe-element',
  'unsafe-attribute',
  'unsafe-url',
  'feed-size',
]);

/** The W3C class of a rule code: `null` for Gazette's own rules; throws on a code missing from the catalog. */
export function w3cClassOf(code: string): string | null {
  const found = RULE_W3C[code];
  if (found === undefined) throw new Error(`lint rule "${code}" is missing from RULE_W3C`);
  return found;
}
