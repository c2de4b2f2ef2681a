// _lib: is a URL's host one that can never be a real site — an example, test or loopback name?
import { isIP } from 'node:net';

/**
 * True for hosts reserved by RFC 2606 and RFC 6761 — `example.org`, `example.com`, `example.net` and their
 * subdomains, every name under `.example`, `.test`, `.invalid` and `.localhost`, `localhost` itself — and for loopback
 * addresses (127.0.0.0/8, `::1`). A site published under such a host is a placeholder or a local preview.
 */
export function isReservedHost(siteUrl: string): boolean {
  let host: string;
  try {
    host = new URL(siteUrl).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  if (RESERVED_NAMES.has(bare)) return true;
  const labels = bare.split('.');
  const tld = labels.at(-1) ?? '';
  if (RESERVED_TLDS.has(tld)) return true;
  // example.org, www.example.org: the second-level names of RFC 2606 §3 and every name below them.
  return labels.length >= 2 && RESERVED_NAMES.has(labels.slice(-2).join('.'));
}

// --- internal ---

/** RFC 2606 §2 and RFC 6761 §6: top-level names that are never delegated. */
const RESERVED_TLDS: ReadonlySet<string> = new Set(['example', 'test', 'invalid', 'localhost']);

/** RFC 2606 §3 second-level names, and `localhost` (RFC 6761 §6.3). */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['example.org', 'example.com', 'example.net', 'localhost']);
