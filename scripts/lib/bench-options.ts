import { parseArgs } from 'node:util';

/** Whole-number flags of at least 1, `--no-save` and `--help` (null); bad values throw. */
export function parseBenchOptions<Flag extends string>(
  argv: string[],
  usage: string,
  defaults: Record<Flag, number>,
): (Record<Flag, number> & { save: boolean }) | null {
  const flags = Object.keys(defaults) as Flag[];
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(
        flags.map((flag) => [flag, { type: 'string' as const, default: String(defaults[flag]) }]),
      ),
      'no-save': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const numbers = Object.fromEntries(
    flags.map((flag) => {
      const value = String((values as Record<string, unknown>)[flag]);
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1) {
        throw new Error(
          `--${flag} needs a whole number of at least 1, not "${value}".\n\n${usage}`,
        );
      }
      return [flag, parsed];
    }),
  ) as Record<Flag, number>;
  return { ...numbers, save: !values['no-save'] };
}
