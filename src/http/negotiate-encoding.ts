// http: Accept-Encoding → the content-coding to send (br, gzip or identity), per RFC 9110 §12.5.3.

/** A coding Gazette has precomputed for every snapshot entry. */
export type Encoding = 'br' | 'gzip' | 'identity';

/** Preference at equal q: brotli is smallest, then gzip, then the raw body. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/**
 * Picks the best encoding of `available` (default all three) the client accepts, or `undefined` when it refuses
 * them all (`identity;q=0` with nothing else acceptable: the caller answers 406).
 * @example negotiateEncoding('gzip, deflate, br;q=0.9') // 'gzip'
 */
export function negotiateEncoding(header: string | string[] | undefined, available: readonly Encoding[] = PREFERENCE): Encoding | undefined {
  if (header !== undefined && typeof header !== 'string' && !Array.isArray(header)) {
    throw new TypeError('header must be a string, an array of strings or undefined');
  }
  // RFC 9110 §12.5.3: no Accept-Encoding means no preference; the plain body is the safe choice
  // for clients that might not decode anything.
  if (header === undefined) return available.includes('identity') ? 'identity' : undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  const q = parseAcceptEncoding(value);

  const weight = (coding: Encoding): number => {
    const explicit = q.get(coding);
    if (explicit !== undefined) return explicit;
    const star = q.get('*');
    if (star !== undefined) return star;
    // "identity" is acceptable unless excluded explicitly or by "*;q=0" (RFC 9110 §12.5.3). Like
    // jshttp/negotiator, it ranks with the lowest listed q, so `gzip;q=0.2` still means "compress, please".
    if (coding !== 'identity') return 0;
    const listed = [...q.values()].filter((w) => w > 0);
    return listed.length > 0 ? Math.min(...listed) : 1;
  };

  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    if (!available.includes(coding)) continue;
    const w = weight(coding);
    if (w > bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}

// --- internal ---

/** `gzip;q=0.8, br, *;q=0` → Map { gzip → 0.8, br → 1, * → 0 }; malformed members are skipped. */
function parseAcceptEncoding(value: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of value.split(',')) {
    const [rawCoding, ...params] = member.split(';');
    let coding = (rawCoding ?? '').trim().toLowerCase();
    if (coding === '') continue;
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(coding)) continue;
    // RFC 9110 §8.4.1.3: x-gzip is an alias of gzip.
    if (coding === 'x-gzip') coding = 'gzip';
    let weight = 1;
    let valid = true;
    for (const param of params) {
      const [name, raw] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() !== 'q') continue;
      // RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
      if (raw === undefined || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(raw)) {
        valid = false;
        break;
      }
      weight = Number(raw);
    }
    if (!valid) continue;
    // When a coding is listed twice, keep the more generous weight.
    weights.set(coding, Math.max(weights.get(coding) ?? 0, weight));
  }
  return weights;
}
