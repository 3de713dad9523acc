import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const require = createRequire(import.meta.url);

export type Strings = Record<string, string>;

/**
 * The packages whose strings make the screens a journalist or editor uses (login, home, content
 * manager, media library, profile), with where each keeps its compiled en/vi files and the prefix
 * the admin looks their keys up under (none for the admin's own).
 */
export const ADMIN_STRING_SOURCES = [
  { prefix: '', packageName: '@strapi/admin', dir: 'dist/admin/admin/src/translations' },
  {
    prefix: 'content-manager.',
    packageName: '@strapi/content-manager',
    dir: 'dist/admin/translations',
  },
  { prefix: 'upload.', packageName: '@strapi/upload', dir: 'dist/admin/translations' },
];

function loadStrings(packageName: string, subdir: string, locale: string): Strings {
  const root = path.dirname(require.resolve(`${packageName}/package.json`));
  const file = path.join(root, subdir, `${locale}.json.js`);
  try {
    const module = require(file) as Strings | { default: Strings };
    return ('default' in module ? module.default : module) as Strings;
  } catch (error) {
    // The media library ships no Vietnamese at all.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && locale !== 'en') return {};
    throw error;
  }
}

/** Strapi's own strings in `locale` for those screens, keyed as the admin looks them up. */
export function strapiStrings(locale: 'en' | 'vi'): Strings {
  const all: Strings = {};
  for (const source of ADMIN_STRING_SOURCES) {
    for (const [key, text] of Object.entries(loadStrings(source.packageName, source.dir, locale))) {
      all[source.prefix + key] = text;
    }
  }
  return all;
}

/** The arguments ({name}, {count, plural, …}) and tags (<b>) of an ICU message, sorted. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      } else if ('value' in element && element.type !== TYPE.literal) {
        found.add(`{${element.value}}`);
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  // Some of Strapi's English selects have no `other`; react-intl formats them all the same.
  walk(parse(message, { requiresOtherClause: false }));
  return [...found].sort();
}

/**
 * Strapi's English interface texts of those screens that must never be seen in the Vietnamese
 * admin: every English message without arguments, less those the Vietnamese admin itself shows
 * (names such as "Email", "Video"), trimmed, longer than one character.
 */
export function englishUiTexts(shownVietnamese: Strings): string[] {
  const vietnameseTexts = new Set(Object.values(shownVietnamese).map((text) => text.trim()));
  const texts = new Set<string>();
  for (const text of Object.values(strapiStrings('en'))) {
    const trimmed = text.trim();
    if (trimmed.length < 2 || vietnameseTexts.has(trimmed)) continue;
    let literal: boolean;
    try {
      literal = placeholdersOf(text).length === 0;
    } catch {
      literal = false;
    }
    if (literal) texts.add(trimmed);
  }
  return [...texts].sort();
}
