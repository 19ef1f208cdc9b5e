/**
 * Plain Vietnamese: the visible text of every built page (its title, its text, and the
 * labels a screen reader or a form shows) against the banned words and patterns listed in
 * content/wording.yaml. The list lives in the content, so that wording reviews extend it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { contains, quotationsIn } from '../../src/lib/content/spans.ts';
import { distDir, listBuiltPages } from '../support/site.ts';

const listFile = resolve(import.meta.dirname, '../../content/wording.yaml');
const entrySchema = z.object({ pattern: z.string().min(1), instead: z.string().min(1) }).strict();
const entries = z
  .array(entrySchema)
  .min(1)
  .parse(parse(readFileSync(listFile, 'utf8')));
const banned = entries.map((entry) => {
  try {
    return { ...entry, regex: new RegExp(entry.pattern, 'giu') };
  } catch (error) {
    throw new Error(
      `content/wording.yaml: "${entry.pattern}" is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
});

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? whole),
  );

/** What a reader meets: text outside scripts and styles, plus titles and the labels in attributes. */
export function visibleText(html: string): string {
  const labels = [...html.matchAll(/\s(?:aria-label|alt|placeholder|title)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decode([text, ...labels].join(' '))
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

const pages = listBuiltPages();

describe('plain Vietnamese on every page (content/wording.yaml)', () => {
  it('finds what it bans: each pattern matches the example it names as wrong', () => {
    const examples: [string, string][] = [
      ['Hot wash: hỏi nhanh', 'hot'],
      ['Lưu báo cáo (.json)', 'json'],
      ['một thoả thuận', 'o[àáảãạ]'],
      ['thuỷ triều', 'u[ỳýỷỹỵ]'],
      ['người chơi', 'chơi'],
    ];
    for (const [text, which] of examples) {
      const entry = banned.find((b) => b.pattern.toLowerCase().includes(which));
      expect(entry, which).toBeDefined();
      expect(text.match(new RegExp(entry!.pattern, 'giu')), text).not.toBeNull();
    }
    // The right spellings pass: the mark on the first vowel, "qu" + "y", and closed syllables.
    for (const good of [
      'hòa',
      'khóa',
      'thỏa',
      'khỏe',
      'thủy',
      'quý',
      'hoàn',
      'khoảng',
      'tuyển',
      'HÒA',
    ]) {
      expect(
        banned.filter((b) => new RegExp(b.pattern, 'giu').test(good)).map((b) => b.pattern),
        good,
      ).toEqual([]);
    }
  });

  it.each(pages.map((p) => [p.distPath, p] as const))('%s', (_name, page) => {
    const text = visibleText(readFileSync(page.file, 'utf8'));
    const found = banned.flatMap(({ regex, instead }) =>
      [...text.matchAll(regex)].map(
        (m) =>
          `“…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}…” → ${instead}`,
      ),
    );
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('text is never cut without a word', () => {
  // A `maxlength` cuts a paste silently; limits are checked where the text is typed instead
  // (src/client/length-check.ts), with the count and the message at the field.
  const all = pages.map((page) => [page.distPath, readFileSync(page.file, 'utf8')] as const);
  it('no field on any page carries maxlength', () => {
    expect(all.filter(([, html]) => /\smaxlength\s*=/i.test(html)).map(([name]) => name)).toEqual(
      [],
    );
  });
  it('no script of the site sets one', () => {
    const scripts = readdirSync(join(distDir, '_astro')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts.filter((name) =>
        // `.maxLength =`, `setAttribute('maxlength', …)` or markup written with it (not Buffer's kMaxLength).
        /\.maxLength\s*=[^=]|['"`]maxlength['"`]|\smaxlength=/.test(
          readFileSync(join(distDir, '_astro', name), 'utf8'),
        ),
      ),
    ).toEqual([]);
  });
});

/**
 * Curly double quotes “…” hold the law only (Article 7, word for word, matched as the build's
 * own gate matches: spans.ts); the handbook's own names of buttons, sections, files and
 * titles take « ». An ellipsis inside a quotation joins parts that must each be the law's.
 */
const LAW_TEXTS = loadHandbook('content').provisions.flatMap((p) =>
  [p.heading, p.text].filter((t): t is string => Boolean(t)),
);

/** The quotations in a text that are not the law's words. */
export function quotesNotInLaw(text: string, law: readonly string[] = LAW_TEXTS): string[] {
  return quotationsIn(text)
    .map(({ quote }) => quote)
    .filter((quote) =>
      quote
        .split('…')
        .map((part) => part.trim())
        .some((part) => part !== '' && !law.some((lawText) => contains(lawText, part))),
    );
}

describe('curly quotes hold the law only', () => {
  it('tells a quotation of the law from a quoted name', () => {
    expect(quotesNotInLaw('Điểm a: “Lãnh đạo ca trực.” và nút “Bắt đầu ca mới”')).toEqual([
      'Bắt đầu ca mới',
    ]);
    expect(quotesNotInLaw('«Các ca đã qua», “Lãnh đạo ca trực.”')).toEqual([]);
  });

  it.each(pages.map((p) => [p.distPath, p] as const))('%s', (_name, page) => {
    expect(quotesNotInLaw(visibleText(readFileSync(page.file, 'utf8')))).toEqual([]);
  });
});
