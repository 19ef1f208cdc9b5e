/**
 * Synthetic content for benchmarks: the real content plus (scale − 1) more articles of
 * the same shape, each with its own source file, roles, checklist items and flows, so
 * that the build's cost can be measured as content grows. Article N's texts are Article
 * 7's with a marker, its ids prefixed: every integrity check still runs and passes.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

interface ArticleYaml {
  num: string;
  instrument: string;
  source: string;
  paragraphs: {
    num: string;
    heading: string;
    notes?: string[];
    points?: { num: string; text: string; notes?: string[] }[];
    subparagraphs?: { num: string; heading: string; points: { num: string; text: string }[] }[];
  }[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes the real content plus synthetic articles into `root` (which must not exist yet). */
export function writeSyntheticContent(root: string, scale: number, realRoot = 'content'): void {
  cpSync(realRoot, root, { recursive: true });
  const roleIds = (
    parse(readFileSync(join(realRoot, 'roles.yaml'), 'utf8')) as { id: string }[]
  ).map((r) => r.id);
  const article = parse(
    readFileSync(join(realRoot, 'articles/dieu-7.yaml'), 'utf8'),
  ) as ArticleYaml;
  const sources = parse(readFileSync(join(root, 'sources/sources.yaml'), 'utf8')) as Record<
    string,
    unknown
  >[];
  const roles = parse(readFileSync(join(root, 'roles.yaml'), 'utf8')) as unknown[];
  const realFlows = readdirSync(join(realRoot, 'flows')).filter((f) => f.endsWith('.yaml'));
  const realDuties = readdirSync(join(realRoot, 'duties')).filter((f) => f.endsWith('.yaml'));
  const checklists = parse(readFileSync(join(root, 'checklists.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  const partlyCarried: { point: string; uncarried: string[]; note: string }[] = [];
  const readings = parse(readFileSync(join(root, 'readings.yaml'), 'utf8')) as {
    id: string;
    gives?: { actor?: string; approver?: string };
  }[];
  const pointWords = parse(readFileSync(join(root, 'point-words.yaml'), 'utf8')) as unknown[];
  const realPointWords = readFileSync(join(realRoot, 'point-words.yaml'), 'utf8');
  // Readings that give a role (who does, who approves) name Article 7's roles: each article
  // gets its own copy, named for it; the others (the order of steps…) are shared.
  const roleReadings = readings.filter((r) => r.gives?.actor ?? r.gives?.approver).map((r) => r.id);

  for (let copy = 1; copy < scale; copy++) {
    const num = String(100 + copy);
    const prefix = `s${copy}-`;
    // Ids and eIds of Article 7 become those of Article N: art_7__… → art_101__…, roles prefixed.
    const remap = (text: string) =>
      [
        ...roleIds.map((id) => [id, `${prefix}${id}`]),
        ...roleReadings.map((id) => [id, `${id}-${num}`]),
      ].reduce(
        (out, [id, to]) => out.replace(new RegExp(`(?<![\\w-])${escape(id!)}(?![\\w-])`, 'g'), to!),
        text.replace(/\bart_7(?=__|\b)/g, `art_${num}`),
      );
    const mark = (text: string) => `${text.replace(/\.$/, '')} (mẫu ${num}).`;

    const synthetic: ArticleYaml = {
      ...article,
      num,
      source: `tong-hop-${num}`,
      paragraphs: article.paragraphs.map((para) => ({
        num: para.num,
        heading: mark(para.heading),
        ...(para.points
          ? { points: para.points.map((p) => ({ num: p.num, text: mark(p.text) })) }
          : {}),
        ...(para.subparagraphs
          ? {
              subparagraphs: para.subparagraphs.map((s) => ({
                num: s.num,
                heading: mark(s.heading),
                points: s.points.map((p) => ({ num: p.num, text: mark(p.text) })),
              })),
            }
          : {}),
      })),
    };
    writeFileSync(join(root, `articles/dieu-${num}.yaml`), stringify(synthetic));
    // The marker is in no item's span: say so, as the span gate asks of any partly carried point.
    for (const para of synthetic.paragraphs) {
      const clauses = para.subparagraphs?.map((sub) => ({
        eId: `art_${num}__para_${para.num}__subpara_${sub.num.split('.')[1]}`,
        points: sub.points,
      })) ?? [{ eId: `art_${num}__para_${para.num}`, points: para.points ?? [] }];
      for (const clause of clauses) {
        for (const point of clause.points) {
          partlyCarried.push({
            point: `${clause.eId}__point_${point.num}`,
            uncarried: [`mẫu ${num}`],
            note: 'Dấu của nội dung tổng hợp để đo hiệu năng.',
          });
        }
      }
    }

    // The source the article is checked against, word for word.
    const lines = [`Điều ${num} (nội dung tổng hợp cho đo hiệu năng)`, ''];
    for (const para of synthetic.paragraphs) {
      lines.push(`${para.num}. ${para.heading}`);
      for (const point of para.points ?? []) lines.push(`${point.num}) ${point.text}`);
      for (const sub of para.subparagraphs ?? []) {
        lines.push(`${sub.num}. ${sub.heading}`);
        for (const point of sub.points) lines.push(`${point.num}) ${point.text}`);
      }
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(root, `sources/tong-hop-${num}.txt`), text);
    const first = synthetic.paragraphs[0];
    const last =
      synthetic.paragraphs.at(-1)?.subparagraphs?.at(-1)?.points.at(-1) ??
      synthetic.paragraphs.at(-1)?.points?.at(-1);
    if (!first || !last) throw new Error('Article 7 has no clauses');
    sources.push({
      ...(sources[0] ?? {}),
      id: `tong-hop-${num}`,
      file: `tong-hop-${num}.txt`,
      sha256: createHash('sha256').update(text).digest('hex'),
      title: `Nội dung tổng hợp Điều ${num}`,
      quotes: `art_${num}`,
      law: { from: `${first.num}. ${first.heading}`, to: last.text.slice(-40) },
    });

    roles.push(...(parse(remap(readFileSync(join(realRoot, 'roles.yaml'), 'utf8'))) as unknown[]));
    pointWords.push(...(parse(remap(realPointWords)) as unknown[]));
    readings.push(
      ...(parse(
        remap(stringify(readings.filter((r) => roleReadings.includes(r.id)))),
      ) as typeof readings),
    );
    for (const file of realDuties)
      writeFileSync(
        join(root, `duties/${prefix}${file}`),
        remap(readFileSync(join(realRoot, 'duties', file), 'utf8')),
      );
    mkdirSync(join(root, 'flows'), { recursive: true });
    for (const file of realFlows) {
      const flow = remap(readFileSync(join(realRoot, 'flows', file), 'utf8')).replace(
        /^id: (.+)$/m,
        `id: $1-${num}`,
      );
      writeFileSync(join(root, 'flows', file.replace(/\.yaml$/, `-${num}.yaml`)), flow);
    }
  }
  writeFileSync(join(root, 'sources/sources.yaml'), stringify(sources));
  if (partlyCarried.length > 0)
    writeFileSync(join(root, 'checklists.yaml'), stringify({ ...checklists, partlyCarried }));
  writeFileSync(join(root, 'roles.yaml'), stringify(roles));
  writeFileSync(join(root, 'readings.yaml'), stringify(readings));
  writeFileSync(join(root, 'point-words.yaml'), stringify(pointWords));
}

// `npx tsx scripts/bench/synthetic-content.ts DIR SCALE`: write one for a look.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, scale] = process.argv.slice(2);
  if (!dir || !scale) throw new Error('usage: synthetic-content.ts DIR SCALE');
  writeSyntheticContent(dir, Number(scale));
  console.log(`Wrote content at ${scale}× into ${dir}`);
}
