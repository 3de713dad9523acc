import { describe, expect, it } from 'vitest';
import { vietnamese } from '../src/admin/translations/vi';
import { placeholdersOf, strapiCodeStrings, strapiStrings } from './helpers/admin-strings';

// No CMS needed: Strapi's compiled en/vi files and admin code against ours (src/admin/translations/vi).
/** Every English message of those screens: its en.json files', then those only its code has. */
const english = { ...strapiStrings('en'), ...strapiCodeStrings() };
const strapiVietnamese = strapiStrings('vi');
/** What the admin shows in Vietnamese: Strapi's translation, then ours over it. */
const shown = { ...strapiVietnamese, ...vietnamese };

/** Ours that are rightly the same as the English: names, units, examples of code. */
const SAME_AS_ENGLISH = new Set([
  'Settings.tokens.copy.title', // "Token"
  'components.Blocks.popover.link.rel.placeholder', // noopener, nofollow, noreferrer
  'components.Blocks.popover.link.target.placeholder', // _blank, _self, _parent, _top
  'content-manager.form.Input.hint.minMaxDivider', // " / "
  'content-manager.widget.chart-entries.tooltip', // {count} {label}
  'upload.asset-details.crop.focal-x-axis', // X
  'upload.asset-details.crop.focal-y-axis', // Y
  'upload.list.filters.type.video', // Video
  'upload.settings.section.video.label', // Video
  'upload.settings.section.pdf.label', // PDF
  'upload.settings.section.csv.label', // CSV
  'upload.settings.section.xls.label', // XLS
  'upload.settings.section.zip.label', // ZIP
]);

describe("the admin's Vietnamese", () => {
  it('has every string of the login, home, content manager, media library and profile screens, listed or only in the code', () => {
    const missing = Object.keys(english).filter((key) => !(key in shown));
    expect(missing).toEqual([]);
  });

  it('supplies no key Strapi does not have (a renamed key would silently fall back)', () => {
    const unknown = Object.keys(vietnamese).filter((key) => !(key in english));
    expect(unknown).toEqual([]);
  });

  it('keeps every placeholder and tag of the English, and adds none', () => {
    const differing = Object.entries(vietnamese)
      .filter(([key]) => key in english)
      .filter(([key, text]) => placeholdersOf(text).join() !== placeholdersOf(english[key]!).join())
      .map(([key, text]) => ({ key, english: english[key], vietnamese: text }));
    expect(differing).toEqual([]);
  });

  it("keeps them in Strapi's own translations too, where the admin shows them", () => {
    const broken = Object.keys(strapiVietnamese)
      .filter((key) => key in english && !(key in vietnamese))
      .filter((key) => {
        try {
          return (
            placeholdersOf(strapiVietnamese[key]!).join() !== placeholdersOf(english[key]!).join()
          );
        } catch {
          return true; // not valid ICU: react-intl would show the raw key
        }
      })
      .map((key) => ({ key, english: english[key], strapi: strapiVietnamese[key] }));
    expect(broken).toEqual([]);
  });

  it('translates: none of ours is the English text, save names and units', () => {
    const untranslated = Object.keys(vietnamese).filter(
      (key) => vietnamese[key] === english[key] && !SAME_AS_ENGLISH.has(key),
    );
    expect(untranslated).toEqual([]);
  });

  it('is NFC, as everything users read', () => {
    const notNfc = Object.keys(vietnamese).filter(
      (key) => vietnamese[key] !== vietnamese[key]!.normalize('NFC'),
    );
    expect(notNfc).toEqual([]);
  });
});
