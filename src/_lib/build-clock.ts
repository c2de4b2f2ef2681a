// _lib: the build's clock — `SOURCE_DATE_EPOCH` when set (https://reproducible-builds.org/specs/source-date-epoch/:
// "a UNIX timestamp … an integer"), else the real time; the same records and clock give the same bytes.

/** The clock of a build: a function of no time of its own when SOURCE_DATE_EPOCH fixes it; `error` when it is not an integer. */
export function readBuildClock(env: Readonly<Record<string, string | undefined>>): { readonly now: () => number } | { readonly error: string } {
  const written = env.SOURCE_DATE_EPOCH;
  if (written === undefined || written === '') return { now: Date.now };
  if (!/^[0-9]{1,15}$/.test(written.trim())) {
    return { error: `SOURCE_DATE_EPOCH must be an integer number of seconds since 1970-01-01T00:00:00Z, got ${JSON.stringify(written)}` };
  }
  const ms = Number(written.trim()) * 1000;
  return { now: () => ms };
}
