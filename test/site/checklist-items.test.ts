/**
 * The built role pages, read as HTML: each of the 17 points of Article 7 is an item on
 * exactly its own role's checklist (on screen and on the paper sheet), and the checklist
 * script is shipped to role pages only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { approvalLines } from '../../src/lib/content/approval.ts';
import { parsePage } from '../support/links.ts';
import { basePath, distDir, listBuiltPages } from '../support/site.ts';

const handbook = loadHandbook('content');
const pages = listBuiltPages();
const rolePage = (roleId: string) => {
  const page = pages.find((p) => p.distPath === `vai-tro/${roleId}/index.html`);
  if (!page) throw new Error(`No built page for role ${roleId}`);
  return parsePage(readFileSync(page.file, 'utf8'));
};
const attrs = (root: ReturnType<typeof parsePage>, selector: string, name: string) =>
  root.querySelectorAll(selector).map((element) => String(element.getAttribute(name)?.value ?? ''));
/** "art_7__para_1__point_b--vi-pham" → "art_7__para_1__point_b". */
const pointOf = (itemId: string) => itemId.split('--')[0] ?? itemId;

const built = new Map(
  handbook.dutyHolders.map((role) => {
    const root = rolePage(role.id);
    return [
      role.id,
      {
        items: attrs(root, '[data-checklist] [data-item]', 'data-item'),
        sheet: attrs(root, '[data-sheet-item]', 'data-sheet-item'),
        root,
      },
    ];
  }),
);

describe('the built checklists', () => {
  it('has the 17 points, each on the checklist of the role that holds it, and elsewhere only by a reading that gives it', () => {
    expect(handbook.points).toHaveLength(17);
    for (const point of handbook.points) {
      const onPages = [...built]
        .filter(([, page]) => page.items.some((id) => pointOf(id) === point.eId))
        .map(([role]) => role);
      const byReading = handbook.duties
        .filter((d) => d.point === point.eId && d.reading)
        .filter((d) => handbook.reading(d.reading!).gives?.actor === d.role)
        .map((d) => d.role);
      expect(onPages.sort(), point.eId).toEqual(
        [...new Set([handbook.holderOf(point.eId).id, ...byReading])].sort(),
      );
    }
    // The one such item, the officers' part of 3.1 d, shows its reading on the officer's page.
    const officer = built.get('cong-chuc-gshqtt')!.root;
    expect(
      officer
        .querySelector('[id="art_7__para_3__subpara_1__point_d--giam-sat-bao-cao"] [data-reading]')
        ?.getAttribute('data-reading')?.value,
    ).toBe('ngoai-gio-cong-chuc');
    const pointsOnPages = new Set([...built.values()].flatMap((page) => page.items.map(pointOf)));
    expect([...pointsOnPages].sort()).toEqual(handbook.points.map((p) => p.eId).sort());
  });

  it('lists on each page exactly its role’s items, each once, with a checkbox labelled by its action', () => {
    for (const [roleId, page] of built) {
      const expected = handbook.dutiesOf(roleId);
      expect(page.items, roleId).toEqual(expected.map((d) => d.id));
      for (const duty of expected) {
        const label = page.root.querySelector(`label[for="xong-${duty.id}"]`);
        expect(label?.textContent.trim(), duty.id).toBe(duty.action);
        expect(page.root.querySelector(`input#xong-${duty.id}`)?.getAttribute('type')?.value).toBe(
          'checkbox',
        );
      }
    }
  });

  it('puts the same items, in the same order, on the paper sheet', () => {
    for (const [roleId, page] of built) expect(page.sheet, roleId).toEqual(page.items);
  });

  it('says whose approval an item needs, and offers to mark it, only where the content says so', () => {
    for (const [roleId, page] of built) {
      const withApproval = handbook.dutiesOf(roleId).filter((d) => d.approval);
      expect(attrs(page.root, '[data-approve]', 'id'), roleId).toEqual(
        withApproval.map((d) => `duyet-${d.id}`),
      );
      for (const duty of withApproval) {
        const label = page.root.querySelector(`label[for="duyet-${duty.id}"]`)?.textContent.trim();
        // In the point's own words: «sự đồng ý» alone where 3.1 e says only that.
        expect(label).toBe(
          approvalLines(duty.carries, handbook.role(duty.approval?.by ?? '').name).given,
        );
      }
    }
  });

  it('prints the revision date of the checklists', () => {
    expect(handbook.checklistsRevised).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const revised = handbook.checklistsRevised.split('-').reverse().join('/');
    for (const [, page] of built)
      expect(page.root.querySelector('.sheet-basis')?.textContent).toContain(
        `soát xét ngày ${revised}`,
      );
  });

  it('ships the checklist script to the four role pages and nowhere else', () => {
    const scriptsOf = (file: string) =>
      attrs(parsePage(readFileSync(file, 'utf8')), 'script[src]', 'src');
    const fileOf = (src: string) => join(distDir, src.slice(basePath.length));
    // The checklist script is the one that knows the storage key of the runs.
    const all = new Set(pages.flatMap((page) => scriptsOf(page.file)));
    // (the role page's script, and the journal log's on the two pages that have one), directly
    // or through the chunks it imports statically.
    const withImports = (file: string, seen = new Set<string>()): string => {
      if (seen.has(file)) return '';
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      const imports = [
        ...code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+)["']/g),
      ].map((m) => join(dirname(file), m[1] ?? ''));
      return code + imports.map((next) => withImports(next, seen)).join('');
    };
    const checklist = [...all].filter((src) =>
      withImports(fileOf(src)).includes('so-tay-truc-ban:checklist'),
    );
    expect(checklist.length).toBeGreaterThan(0);
    const withScript = pages
      .filter((page) => scriptsOf(page.file).some((src) => checklist.includes(src)))
      .map((page) => page.distPath);
    expect(withScript.sort()).toEqual(
      handbook.dutyHolders.map((role) => `vai-tro/${role.id}/index.html`).sort(),
    );
  });
});
