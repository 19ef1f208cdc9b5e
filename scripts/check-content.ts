/**
 * `npm run check:content [-- --root DIR]`: validates the content the way the build does,
 * without building. Exit 0 with a summary, or 1 with every problem listed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadHandbook } from '../src/lib/content/handbook.ts';
import { ContentError } from '../src/lib/content/errors.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: 'content' } } });
const root = resolve(values.root);
try {
  const handbook = loadHandbook(root);
  console.log(
    `Content OK: ${handbook.points.length} points, ${handbook.dutyHolders.length} duty holders, ` +
      `${handbook.duties.length} checklist items, ${handbook.moments.length} moments, ` +
      `${handbook.flows.length} flows (${handbook.flows.reduce((n, f) => n + f.nodes.length, 0)} nodes, ` +
      `${handbook.flows.reduce((n, f) => n + f.paths.length, 0)} paths).`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
