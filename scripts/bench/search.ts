/**
 * `npm run bench:search`: the search journey (journey.ts: an article page, the header's box,
 * Enter, the first result) side by side with the Starlight peer (side-by-side.ts), as medians
 * of several fresh browser contexts. A benchmark, not a test: it prints and writes JSON.
 * `npm run bench` runs the handbook's side of the same journey.
 * Options: --dist DIR (default dist), --runs N (default 5), --query TEXT (default "truc ban"),
 * --peer DIR (default ../shared/peer-starlight), --skip-build, --json FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchSideBySide } from './side-by-side.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '5' },
      query: { type: 'string', default: 'truc ban' },
      peer: { type: 'string', default: '../shared/peer-starlight' },
      'skip-build': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('--runs must be a whole number ≥ 1');
    process.exit(2);
  }
  const report = await benchSideBySide({
    dist: values.dist,
    runs,
    query: values.query,
    peerSource: values.peer,
    build: !values['skip-build'],
  });
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
}
