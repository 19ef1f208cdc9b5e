/**
 * The built flow pages read as HTML: backlinks from each point of /dieu-7/ and each item
 * of the role pages reach the flow steps that cite them (and those anchors exist). (Flow
 * pages ship no script of their own: page-weight.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../../src/lib/content/handbook.ts';
import { routes, withBase } from '../../src/lib/site/routes.ts';
import { parsePage } from '../support/links.ts';
import { basePath, listBuiltPages } from '../support/site.ts';

const handbook = loadHandbook('content');
const pages = listBuiltPages();
const read = (distPath: string) => {
  const page = pages.find((p) => p.distPath === distPath);
  if (!page) throw new Error(`not built: ${distPath}`);
  return parsePage(readFileSync(page.file, 'utf8'));
};
const hrefs = (root: ReturnType<typeof parsePage>, selector: string) =>
  root.querySelectorAll(selector).map((a) => String(a.getAttribute('href')?.value ?? ''));
const link = (path: string) => withBase(basePath, path);

describe('backlinks to the flows', () => {
  const article = read('dieu-7/index.html');

  it('links each point of /dieu-7/ to every flow node that cites it, and each link lands on its node', () => {
    let checked = 0;
    for (const flow of handbook.flows) {
      const flowPage = read(`quy-trinh/${flow.id}/index.html`);
      for (const node of flow.nodes) {
        expect(
          flowPage.querySelector(`#nut-${node.id}`),
          `${flow.id}#nut-${node.id}`,
        ).not.toBeNull();
        const cited = new Set([
          ...node.cites,
          ...(node.kind === 'outcome' && node.silence ? node.silence.cites : []),
        ]);
        for (const eId of cited) {
          if (handbook.provision(eId).kind !== 'point') continue;
          expect(
            hrefs(article, `[id="${eId}"] .uses a`),
            `${eId} → ${flow.id}/${node.id}`,
          ).toContain(link(routes.flow(flow.id, node.id)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('links each checklist item to the flow steps its role takes that cite it, and every step is linked from its actor’s list', () => {
    const linked = new Set<string>();
    for (const role of handbook.dutyHolders) {
      const page = read(`vai-tro/${role.id}/index.html`);
      for (const duty of handbook.dutiesOf(role.id)) {
        const expected = handbook.flowStepsFor(role.id, duty.cites).map((use) => link(use.href));
        expect(hrefs(page, `[id="${duty.id}"] .flow-links a`), duty.id).toEqual(expected);
        for (const href of expected) linked.add(href);
      }
    }
    const steps = handbook.flows.flatMap((flow) =>
      flow.steps.map((step) => link(routes.flow(flow.id, step.id))),
    );
    const unlinked = steps.filter((href) => !linked.has(href));
    // Steps of actors without a checklist (none so far) are the only ones allowed to be missing.
    expect(unlinked).toEqual([]);
  });
});
