/**
 * `npm run check:content [-- --root DIR]`: validates the content the way the build does,
 * without building. Exit 0 with a summary, or 1 with every problem listed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadHandbook } from '../src/lib/content/handbook.ts';
import { ContentError } from '../src/lib/content/errors.ts';
import { uncarried } from '../src/lib/content/spans.ts';

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
  // Per point, the words no checklist item carries (the build allows them only with a note).
  const partly = handbook.points.flatMap((point) => {
    const left = uncarried(
      point.text ?? '',
      handbook.duties.filter((d) => d.point === point.eId).flatMap((d) => d.carries),
    );
    return left.length > 0
      ? [`  ${point.label}: ${left.map((words) => `"${words}"`).join(', ')}`]
      : [];
  });
  console.log(
    `Spans: ${handbook.points.length - partly.length} of ${handbook.points.length} points carried in full by checklist items; ` +
      `${handbook.readings.length} readings of the handbook.`,
  );
  if (partly.length > 0)
    console.log(`Partly carried (each with a note in checklists.yaml):\n${partly.join('\n')}`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
