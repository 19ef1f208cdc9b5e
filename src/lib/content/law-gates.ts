/**
 * Two gates that hold the handbook's words to the law (see spans.ts for the matching):
 *  - spans: every `carries` span of a checklist item or flow step is a verbatim part of a
 *    point it cites; every word of a point is carried by some checklist item (connecting
 *    words aside) unless checklists.yaml `partlyCarried` says why. When the law's text
 *    changes, each span that no longer matches stops the build and names its item. An
 *    item's action keeps the words of its spans that make the duty conditional or exclusive
 *    («chỉ», «khi», «sau khi», «ngoài giờ hành chính»), and is filed under every moment whose
 *    words (moments.yaml `words`) its spans hold.
 *  - quotations: words in curly double quotes “…” anywhere in the content are the law: a
 *    verbatim part of a point cited by the same statement (the nearest object with
 *    citations; in MDX prose, the points named in the same paragraph, "điểm c khoản 3.2").
 * Reading notes (readings.yaml) must exist where referred to, and each must be used.
 */
import { citationLabel, eIdOf, isWithin } from '../law/eid.ts';
import type { Provision } from '../law/provisions.ts';
import { dutyItemId } from './schema.ts';
import type { PathSegment } from './errors.ts';
import type { ContentSet, Located } from './load.ts';
import { conditionWordsIn, contains, nearestPassage, pointsNamedIn, quotationsIn, uncarried } from './spans.ts';

type Report = (entry: Located<unknown>, field: PathSegment[], message: string, ...found: [unknown?]) => void;
type Push = (issue: { file: string; path: PathSegment[]; line?: number; message: string; found?: unknown }) => void;

/** The verbatim texts a citation stands for: a point's text, or a clause's heading and points. */
export function textsOf(provisions: ReadonlyMap<string, Provision>, eId: string): string[] {
  const provision = provisions.get(eId);
  if (!provision) return [];
  if (provision.kind === 'point') return provision.text ? [provision.text] : [];
  return [...provisions.values()]
    .filter((p) => isWithin(p.eId, eId))
    .flatMap((p) => [p.heading, p.text].filter((t): t is string => Boolean(t)));
}

const allPointTexts = (provisions: ReadonlyMap<string, Provision>) =>
  [...provisions.values()].flatMap((p) => (p.kind === 'point' && p.text ? [p.text] : []));

const nearest = (span: string, texts: string[]) => {
  const passage = nearestPassage(span, texts);
  return passage ? `; nearest words of the law: "${passage}"` : '';
};

export function checkSpans(set: ContentSet, provisions: ReadonlyMap<string, Provision>, report: Report, push: Push): void {
  const carriedBy = new Map<string, { spans: string[]; items: string[] }>();
  const namedMoments = set.moments.flatMap(({ value }) => (value.words ? [{ id: value.id, words: value.words }] : []));
  for (const duty of set.duties) {
    const { value } = duty;
    const point = provisions.get(value.point);
    if (!point || point.kind !== 'point' || !point.text) continue; // reported by checkIntegrity
    const item = dutyItemId(value);
    const entry = carriedBy.get(point.eId) ?? { spans: [], items: [] };
    entry.items.push(item);
    value.carries.forEach((span, s) => {
      if (contains(point.text ?? '', span)) entry.spans.push(span);
      else {
        report(
          duty,
          ['carries', s],
          `expected a verbatim part of ${point.label} (checklist item ${item}: review it against the law)${nearest(span, [point.text ?? ''])}`,
          span,
        );
      }
    });
    carriedBy.set(point.eId, entry);
    // The words that make the duty conditional or exclusive stay in the line people read.
    const shown = new Set(conditionWordsIn(value.action));
    const dropped = conditionWordsIn(value.carries.join(' ')).filter((words) => !shown.has(words));
    if (dropped.length > 0) {
      report(
        duty,
        ['action'],
        `expected the action to keep ${dropped.map((w) => `"${w}"`).join(', ')} as the words it carries do: they make ` +
          `the duty conditional or exclusive (checklist item ${item})`,
        value.action,
      );
    }
    // The handbook's grouping stays consistent: words that name a moment file the item under it.
    const missing = namedMoments.filter(
      (moment) => !value.moments.includes(moment.id) && value.carries.some((span) => contains(span, moment.words)),
    );
    if (missing.length > 0) {
      report(
        duty,
        ['moments'],
        `expected the moments to include ${missing.map((m) => `"${m.id}"`).join(', ')}: the words the item carries hold ` +
          `${missing.map((m) => `«${m.words}»`).join(', ')}, which file an item under that moment (moments.yaml "words"; checklist item ${item})`,
        value.moments,
      );
    }
  }

  for (const flow of set.flows) {
    flow.value.nodes.forEach((node, n) => {
      if (node.kind !== 'step') return;
      const texts = node.cites.flatMap((eId) => textsOf(provisions, eId));
      if (texts.length === 0) return; // unknown citations are reported by the flow checks
      node.carries.forEach((span, s) => {
        if (!texts.some((text) => contains(text, span))) {
          const cited = node.cites.map(citationLabel).join(', ');
          report(
            flow,
            ['nodes', n, 'carries', s],
            `expected a verbatim part of a point the step cites (${cited}; step ${node.id}: review it against the law)${nearest(span, texts)}`,
            span,
          );
        }
      });
    });
  }

  // Coverage: per point, the words no checklist item carries.
  const notes = new Map((set.checklists?.value.partlyCarried ?? []).map((note, index) => [note.point, { note, index }]));
  const checklists = set.checklists;
  for (const provision of provisions.values()) {
    if (provision.kind !== 'point' || !provision.text) continue;
    const entry = carriedBy.get(provision.eId);
    if (!entry) continue; // "has no checklist item" is reported by checkIntegrity
    const left = uncarried(provision.text, entry.spans);
    const noted = notes.get(provision.eId);
    notes.delete(provision.eId);
    const words = left.map((w) => `"${w}"`).join(', ');
    if (left.length > 0 && !noted) {
      push({
        file: 'duties/',
        path: [],
        message:
          `expected every word of ${provision.label} to be carried by a checklist item (connecting words aside); ` +
          `no item carries ${words} (items of this point: ${entry.items.join(', ')}). Add the words to an item's ` +
          `"carries", or say why in checklists.yaml "partlyCarried"`,
      });
    } else if (noted && checklists && JSON.stringify(noted.note.uncarried) !== JSON.stringify(left)) {
      report(
        checklists,
        ['partlyCarried', noted.index, 'uncarried'],
        left.length === 0
          ? `expected no note: every word of ${provision.label} is carried now`
          : `expected the words no item carries, as the build finds them: ${JSON.stringify(left)}`,
        noted.note.uncarried,
      );
    }
  }
  for (const { note, index } of notes.values()) {
    if (checklists) report(checklists, ['partlyCarried', index, 'point'], 'expected a point that a checklist item carries', note.point);
  }
}

/** The words that name each point (point-words.yaml): one entry per point, each a verbatim part of it. */
export function checkPointWords(set: ContentSet, provisions: ReadonlyMap<string, Provision>, report: Report, push: Push): void {
  if (set.pointWords.length === 0) return;
  const seen = new Set<string>();
  for (const entry of set.pointWords) {
    const { point: eId, words } = entry.value;
    const point = provisions.get(eId);
    if (!point || point.kind !== 'point' || !point.text) {
      report(entry, ['point'], 'expected the eId of a lettered point of the quoted law', eId);
      continue;
    }
    if (seen.has(eId)) report(entry, ['point'], 'expected each point once', eId);
    seen.add(eId);
    if (!contains(point.text, words))
      report(entry, ['words'], `expected a verbatim part of ${point.label}${nearest(words, [point.text])}`, words);
  }
  for (const provision of provisions.values())
    if (provision.kind === 'point' && !seen.has(provision.eId))
      push({ file: 'point-words.yaml', path: [], message: `expected an entry for ${provision.label} (${provision.eId}): a few of its own words that name it` });
}

/** Citation fields: any of them makes an object a statement that cites. */
const CITATION_KEYS = ['cites', 'alsoCites', 'point', 'refersTo', 'mentionedIn', 'holds'] as const;

function citationsOf(value: Record<string, unknown>): string[] {
  return CITATION_KEYS.flatMap((key) => {
    const field = value[key];
    if (typeof field === 'string') return [field];
    if (Array.isArray(field)) return field.filter((eId): eId is string => typeof eId === 'string');
    return [];
  });
}

export function checkQuotations(set: ContentSet, provisions: ReadonlyMap<string, Provision>, report: Report, push: Push): void {
  const check = (quoteIn: string, cites: readonly string[], fail: (message: string, found: string) => void) => {
    for (const { quote } of quotationsIn(quoteIn)) {
      // Marks shown as marks (“…”) quote no words.
      if (!/[\p{L}\p{N}]/u.test(quote)) continue;
      const texts = cites.flatMap((eId) => textsOf(provisions, eId));
      if (texts.some((text) => contains(text, quote))) continue;
      if (cites.length === 0) {
        fail(
          `expected the words in “…” to be law quoted from a point the statement cites; this statement cites no point ` +
            `(use « » for titles and the handbook's own words)${nearest(quote, allPointTexts(provisions))}`,
          quote,
        );
      } else {
        fail(
          `expected the words in “…” to be a verbatim part of a point the statement cites (${cites.map(citationLabel).join(', ')})` +
            nearest(quote, texts.length > 0 ? texts : allPointTexts(provisions)),
          quote,
        );
      }
    }
  };

  const walk = (entry: Located<unknown>, value: unknown, path: PathSegment[], cites: readonly string[]) => {
    if (typeof value === 'string') {
      if (value.includes('“')) check(value, cites, (message, found) => report(entry, path, message, found));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(entry, item, [...path, index], cites));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      const record = value as Record<string, unknown>;
      const own = citationsOf(record);
      for (const [key, field] of Object.entries(record)) walk(entry, field, [...path, key], own.length > 0 ? own : cites);
    }
  };
  const located: Located<unknown>[] = [
    ...set.instruments,
    ...set.roles,
    ...set.moments,
    ...set.duties,
    ...set.flows,
    ...set.drills,
    ...set.readings,
    ...set.forms,
  ];
  for (const entry of located) walk({ ...entry, path: [] }, entry.value, entry.path, []);

  // MDX prose: a paragraph is a statement; it cites the points it names ("điểm c khoản 3.2").
  const article = set.articles[0]?.value.num;
  for (const prose of set.prose) {
    let line = prose.line;
    for (const paragraph of prose.text.split(/\n\s*\n/)) {
      const at = line;
      line += paragraph.split('\n').length + 1;
      if (!paragraph.includes('“') || !article) continue;
      const cites = pointsNamedIn(paragraph).flatMap(({ clause, point }) => {
        const [para] = clause.split('.');
        try {
          return [eIdOf({ article, para: para ?? clause, ...(clause.includes('.') ? { subpara: clause } : {}), point })];
        } catch {
          return [];
        }
      });
      const lines = paragraph.split('\n');
      lines.forEach((text, offset) => {
        check(text, cites, (message, found) => push({ file: prose.file, path: [], line: at + offset, message, found }));
      });
    }
  }
}

/** Every reading referred to exists; every reading is referred to. */
export function checkReadings(set: ContentSet, report: Report): void {
  const ids = new Set(set.readings.map((r) => r.value.id));
  const used = new Set<string>();
  const refer = (entry: Located<unknown>, field: PathSegment[], id: string | undefined) => {
    if (id === undefined) return;
    used.add(id);
    if (!ids.has(id)) report(entry, field, `expected a reading id from readings.yaml (${[...ids].join(', ')})`, id);
  };
  for (const duty of set.duties) refer(duty, ['reading'], duty.value.reading);
  if (set.checklists) refer(set.checklists, ['notArising', 'reading'], set.checklists.value.notArising?.reading);
  if (set.checklists) refer(set.checklists, ['followUp', 'reading'], set.checklists.value.followUp?.reading);
  for (const instrument of set.instruments) refer(instrument, ['reading'], instrument.value.reading);
  for (const role of set.roles) role.value.relations?.forEach((relation, r) => refer(role, ['relations', r, 'reading'], relation.reading));
  for (const flow of set.flows) {
    flow.value.readings?.forEach((id, r) => refer(flow, ['readings', r], id));
    flow.value.nodes.forEach((node, n) => refer(flow, ['nodes', n, 'reading'], node.reading));
  }
  for (const drill of set.drills) {
    drill.value.readings?.forEach((id, r) => refer(drill, ['readings', r], id));
    drill.value.injects.forEach((inject, i) => refer(drill, ['injects', i, 'reading'], inject.reading));
  }
  for (const reading of set.readings) {
    if (!used.has(reading.value.id)) report(reading, ['id'], 'expected every reading to be used by some statement; nothing refers to this one', reading.value.id);
  }
}

/** Each of the words that make a duty wait for something to arise is verbatim in a point its reading cites. */
export function checkNotArising(set: ContentSet, provisions: ReadonlyMap<string, Provision>, report: Report): void {
  const notArising = set.checklists?.value.notArising;
  if (!set.checklists || !notArising) return;
  const reading = set.readings.find((r) => r.value.id === notArising.reading);
  if (!reading) return; // reported by checkReadings
  const texts = reading.value.cites.flatMap((eId) => textsOf(provisions, eId));
  notArising.words.forEach((words, w) => {
    if (!texts.some((text) => contains(text, words)))
      report(
        set.checklists!,
        ['notArising', 'words', w],
        `expected words of a point that reading ${reading.value.id} cites${nearest(words, texts)}`,
        words,
      );
  });
}
