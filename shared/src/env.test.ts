import { describe, expect, it } from 'vitest';
import { bool, defineEnv, EnvError, int, list, oneOf, text, url } from './env';

const env = defineEnv({
  PORT: int(1337, 0, 65_535),
  FLAG: bool(false),
  MODE: oneOf(['build', 'dispatch'], 'build'),
  BASE: url('http://127.0.0.1:1337'),
  KEYS: list(),
  NAME: text('Tòa Soạn'),
});

describe('defineEnv', () => {
  it('reads values, trimmed; blank or unset gives the default', () => {
    expect(
      env.parse({
        PORT: ' 8080 ',
        FLAG: 'true',
        KEYS: 'a, b,"c"',
        NAME: '  ',
        BASE: 'http://cms:1337/',
      }),
    ).toEqual({
      PORT: 8080,
      FLAG: true,
      MODE: 'build',
      BASE: 'http://cms:1337',
      KEYS: ['a', 'b', 'c'],
      NAME: 'Tòa Soạn',
    });
  });

  it('names each wrong variable, its value and what it must be', () => {
    expect(() => env.parse({ PORT: 'x', MODE: 'ci' })).toThrow(EnvError);
    expect(() => env.parse({ PORT: '70000', MODE: 'ci', FLAG: 'yes', BASE: 'cms:1337' })).toThrow(
      'PORT must be a whole number from 0 to 65535, not "70000". FLAG must be true or false, not "yes". ' +
        'MODE must be "build" or "dispatch", not "ci". BASE must be an http(s) URL, not "cms:1337".',
    );
  });

  it('checks the same variables once, and follows a change', () => {
    const first = env.parse({ PORT: '80' });
    expect(env.parse({ PORT: ' 80 ' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(env.parse({ PORT: '81' }).PORT).toBe(81);
    expect(env.parse({ PORT: '80' })).toEqual(first);
  });
});
