import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_SCHEMAS } from './env-schemas';

// The schemas are the source; .env.example and the root README are checked against them.
const ROOT = new URL('../../', import.meta.url);
const example = readFileSync(new URL('.env.example', ROOT), 'utf8');
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

const exampleLines = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, name, value]) => ({
  name: name!,
  value: value!,
}));

const declared = new Map<string, { example: string; internal: boolean; programs: string[] }>();
for (const [program, schema] of Object.entries(ENV_SCHEMAS)) {
  for (const [name, field] of Object.entries(schema.fields)) {
    const seen = declared.get(name);
    if (seen) seen.programs.push(program);
    else
      declared.set(name, { example: field.example, internal: field.internal, programs: [program] });
  }
}

describe('.env.example', () => {
  it('lists every variable a program reads, as NAME=default', () => {
    const listed = new Set(exampleLines.map(({ name }) => name));
    const missing = [...declared]
      .filter(([name, field]) => !field.internal && !listed.has(name))
      .map(([name, field]) => `${name}=${field.example}`);
    expect(missing, 'add these lines to .env.example').toEqual([]);
  });

  it('lists nothing no program reads', () => {
    const unknown = exampleLines.filter(({ name }) => !declared.has(name)).map(({ name }) => name);
    expect(unknown, 'declare these in shared/src/env-schemas.ts or drop them').toEqual([]);
  });

  it("shows each variable's default (or nothing: unset)", () => {
    const wrong = exampleLines
      .filter(({ name, value }) => value !== '' && value !== declared.get(name)?.example)
      .map(
        ({ name, value }) =>
          `${name}=${value} (the code's default: "${declared.get(name)?.example}")`,
      );
    expect(wrong).toEqual([]);
  });
});

describe("the README's configuration table", () => {
  it('names only variables some program reads', () => {
    const table = readme.slice(readme.indexOf('## Configuration'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const names = rows.flatMap((row) =>
      [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !declared.has(name))).toEqual([]);
  });
});

describe('the schemas', () => {
  it('give the defaults on an empty environment', () => {
    expect(ENV_SCHEMAS.publisherEnv.parse({})).toMatchObject({
      PUBLISHER_PORT: 4321,
      KEEP_RELEASES: 5,
      STRAPI_URL: 'http://127.0.0.1:1337',
      PUBLISHER_MODE: 'build',
      TRUSTED_PROXIES: [],
    });
    expect(ENV_SCHEMAS.cmsEnv.parse({})).toMatchObject({
      PORT: 1337,
      SERVE_ADMIN_PANEL: true,
      APP_KEYS: [],
      PUBLISH_WEBHOOK_URL: '',
    });
  });
});

// Variables of other programs that ours set or read for them (Strapi, Astro's Node adapter, Node).
const THEIRS = new Set([
  'STRAPI_TELEMETRY_DISABLED',
  'ASTRO_NODE_AUTOSTART',
  'TZ',
  'PUBLISH_OUT_DIR',
  'NODE_ENV',
]);

describe('the code', () => {
  it('reads no variable the schemas do not declare', () => {
    const sources = [
      'cms/src',
      'cms/config',
      'cms/scripts',
      'site/src',
      'site/publisher',
      'scripts',
    ];
    const reads = new Set<string>();
    for (const dir of sources) {
      for (const file of readdirSync(new URL(dir, ROOT), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|mjs|astro)$/.test(file) || /\.test\.ts$/.test(file)) continue;
        const code = readFileSync(new URL(`${dir}/${file}`, ROOT), 'utf8');
        for (const match of code.matchAll(
          /(?:process\.env|import\.meta\.env)(?:\.|\[['"])([A-Z][A-Z0-9_]*)|\benv(?:\.\w+)?\(\s*'([A-Z][A-Z0-9_]*)'/g,
        ))
          reads.add((match[1] ?? match[2])!);
      }
    }
    expect(reads.size).toBeGreaterThan(0);
    expect([...reads].filter((name) => !declared.has(name) && !THEIRS.has(name))).toEqual([]);
  });
});
