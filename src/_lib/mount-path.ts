// _lib: the public path a router is mounted at, as the site layer and the HTTP layer both read it.

/** True for `''` or a path like `/feeds` or `/a/b` (no trailing slash, no dot segments). */
export function isMountPath(value: string): boolean {
  return value === '' || (/^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/.test(value) && !/\/\.\.?(\/|$)/.test(value));
}
