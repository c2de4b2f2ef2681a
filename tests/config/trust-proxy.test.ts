import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config-schema.ts';

const valid = { title: 'Le Quotidien', siteUrl: 'https://news.example.net/' };

// DESIGN.md lists `trustProxy` beside `rateLimit`: the top-level key says a proxy stands in front; the rate limit's own
// `trustProxy` (its first spelling) wins where it is written.
describe('trustProxy', () => {
  it.each([
    [{}, false, undefined],
    [{ trustProxy: true }, true, undefined],
    [{ trustProxy: true, rateLimit: { fullResponsesPerHour: 5 } }, true, true],
    [{ trustProxy: false, rateLimit: { fullResponsesPerHour: 5 } }, false, false],
    [{ trustProxy: true, rateLimit: { fullResponsesPerHour: 5, trustProxy: false } }, true, false],
    [{ rateLimit: { fullResponsesPerHour: 5, trustProxy: true } }, false, true],
  ])('%j reads as trustProxy %j and a rate limit trusting the proxy: %j', (written, trustProxy, rateLimitTrusts) => {
    const { config, problems } = resolveConfig({ ...valid, ...written });
    expect(problems).toEqual([]);
    expect(config?.trustProxy).toBe(trustProxy);
    expect(config?.rateLimit?.trustProxy).toBe(rateLimitTrusts);
  });

  it('refuses a value that is not a boolean, naming the field', () => {
    expect(resolveConfig({ ...valid, trustProxy: 'yes' }).problems).toEqual(['trustProxy: expected true or false, got "yes"']);
  });
});
