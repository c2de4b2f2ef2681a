// _lib: instants at HTTP-date resolution.

/**
 * The instant rounded down to whole seconds. RFC 9110 §5.6.7: HTTP-dates have one-second resolution, so a
 * sub-second Last-Modified (or file mtime compared with one) would never compare equal.
 */
export function floorToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
