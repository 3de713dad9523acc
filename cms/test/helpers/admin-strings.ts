import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from 'playwright-core';
import { vietnamese } from '../../src/admin/translations/vi';

const require = createRequire(import.meta.url);

export type Strings = Record<string, string>;

/**
 * The packages whose strings make the screens a journalist or editor uses (login, home, content
 * manager, media library, profile), with where each keeps its compiled en/vi files and the prefix
 * the admin looks their keys up under (none for the admin's own).
 */
export const ADMIN_STRING_SOURCES = [
  {
    prefix: '',
    packageName: '@strapi/admin',
    dir: 'dist/admin/admin/src/translations',
    code: 'dist/admin',
  },
  {
    prefix: 'content-manager.',
    packageName: '@strapi/content-manager',
    dir: 'dist/admin/translations',
    code: 'dist/admin',
  },
  {
    prefix: 'upload.',
    packageName: '@strapi/upload',
    dir: 'dist/admin/translations',
    code: 'dist/admin',
  },
];

const packageRoot = (packageName: string) =>
  path.dirname(require.resolve(`${packageName}/package.json`));

function loadStrings(packageName: string, subdir: string, locale: string): Strings {
  const file = path.join(packageRoot(packageName), subdir, `${locale}.json.js`);
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

// `id: 'key'` or `id: getTranslation('key')` (the plugin's prefix added), then `defaultMessage`.
const MESSAGE_IN_CODE =
  /id:\s*(?:(getTranslation|getTrad)\(\s*)?(['"`])([^'"`$]+)\2\s*\)?\s*,\s*defaultMessage:\s*(['"`])((?:\\.|(?!\4)[^\\])*)\4/g;

/**
 * The messages Strapi's compiled admin code of those packages asks for that its en.json files do
 * not list (the content manager's menu entry, the editor's list buttons, …): react-intl shows
 * their English defaultMessage unless a translation has the key. Keyed as looked up.
 */
export function strapiCodeStrings(): Strings {
  const english = strapiStrings('en');
  const found: Strings = {};
  for (const source of ADMIN_STRING_SOURCES) {
    const root = path.join(packageRoot(source.packageName), source.code);
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      // Strapi's own test fixtures are not part of the admin.
      if (
        !entry.isFile() ||
        !file.endsWith('.mjs') ||
        file.includes(`${path.sep}tests${path.sep}`)
      ) {
        continue;
      }
      for (const match of readFileSync(file, 'utf8').matchAll(MESSAGE_IN_CODE)) {
        const key = (match[1] ? source.prefix : '') + match[3]!;
        // The compiled code keeps the source's escapes (it\'s).
        const text = match[5]!.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
        if (!(key in english) && !(key in found)) found[key] = text;
      }
    }
  }
  return found;
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
  for (const text of [
    ...Object.values(strapiStrings('en')),
    ...Object.values(strapiCodeStrings()),
  ]) {
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

/** Every English text of Strapi's login, home, content manager, media library and profile. */
let english: string[] | undefined;
const englishTexts = () => (english ??= englishUiTexts({ ...strapiStrings('vi'), ...vietnamese }));

/**
 * Labels Strapi's code sets in English without a message to translate: the status badge's
 * aria-label is the raw status, the Markdown editor's screen-reader label is 'Editor'.
 */
export const UNTRANSLATABLE_LABELS = new Set(['draft', 'published', 'modified', 'Editor']);

/**
 * What a reader of the screen sees: the lines of text on it and the inputs' placeholders; and
 * what a screen reader or a tooltip says: the visible elements' aria-label and title.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  const { lines, labels } = await page.evaluate(() => {
    const shown = (element: Element) => (element as HTMLElement).offsetParent !== null;
    const placeholders = [...document.querySelectorAll('input, textarea')]
      .filter(shown)
      .map((input) => (input as HTMLInputElement).placeholder);
    const attributes = [...document.querySelectorAll('[aria-label], [title]')]
      .filter(shown)
      .flatMap((element) => [element.getAttribute('aria-label'), element.getAttribute('title')]);
    return {
      lines: [...document.body.innerText.split('\n'), ...placeholders],
      labels: attributes.filter((text): text is string => text !== null),
    };
  });
  return [...lines, ...labels.filter((label) => !UNTRANSLATABLE_LABELS.has(label.trim()))]
    .map((text) => text.trim())
    .filter(Boolean);
}

/**
 * The English texts among lines of a screen: a line that is one of them, or a line containing
 * one of the longer ones (a sentence inside a paragraph). Short words only count as a whole
 * line, so an article's own text cannot match them.
 */
export function englishOn(lines: string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    for (const text of englishTexts()) {
      if (line === text || (text.length >= 12 && text.includes(' ') && line.includes(text))) {
        found.add(text);
      }
    }
  }
  return [...found].sort();
}

/** The English interface texts on the page as it is now (visibleTexts, then englishOn). */
export async function englishOnScreen(page: Page): Promise<string[]> {
  return englishOn(await visibleTexts(page));
}
