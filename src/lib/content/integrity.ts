/**
 * Cross-file checks that a schema alone cannot make: every reference resolves, every
 * point of the law is held by exactly one role and carried by at least one duty.
 * Returns the problems; it never throws.
 */
import { provisionsOf, type Provision } from '../law/provisions.ts';
import { checkFlow, roleNames } from '../flows/graph.ts';
import { checkDrill } from '../drills/rules.ts';
import { isWithin } from '../law/eid.ts';
import { firstDifference, parseLaw, SourceParseError } from '../law/source.ts';
import { formatPath, type ContentIssue, type PathSegment } from './errors.ts';
import { canonical, formatDateVi } from '../vi.ts';
import type { ContentSet, Located } from './load.ts';
import { dutyItemId, RELATIONS, type Article, type Source } from './schema.ts';
import type { SourcePoint } from '../law/source.ts';
import { checkNotArising, checkPointWords, checkQuotations, checkReadings, checkSpans } from './law-gates.ts';
import { occurrences } from './spans.ts';

/** Whether a point says `words` as an act of its own: «theo chỉ đạo», «sự chỉ đạo» are someone else's. */
function saysAsAct(text: string, words: string): boolean {
  const folded = canonical(text);
  return occurrences(text, words).some((at) => !/(?:^|\s)(?:theo|sự)\s$/iu.test(folded.slice(Math.max(0, at - 6), at)));
}

export function checkIntegrity(set: ContentSet): ContentIssue[] {
  const check = new IntegrityCheck(set);
  check.checkArticles();
  check.checkRoles();
  check.checkDuties();
  check.checkFlowsAndDrills();
  check.checkLawGates();
  return check.issues;
}

type RoleValue = ContentSet['roles'][number]['value'];

/** One pass over a content set: the ids seen so far, the law's provisions, and the problems found, in file order. */
class IntegrityCheck {
  readonly issues: ContentIssue[] = [];
  readonly provisions = new Map<string, Provision>();
  readonly instruments: Map<string, Located<unknown>>;
  readonly sources: Map<string, Located<unknown>>;
  readonly moments: Map<string, Located<unknown>>;
  readonly roles: Map<string, Located<RoleValue>>;
  /** The role holding each clause with points. */
  readonly holderOf = new Map<string, Located<RoleValue>>();

  constructor(private readonly set: ContentSet) {
    this.instruments = this.uniqueIds(set.instruments, (i) => i.id, 'instrument');
    this.sources = this.uniqueIds(set.sources, (s) => s.id, 'source');
    this.moments = this.uniqueIds(set.moments, (m) => m.id, 'moment');
    this.roles = this.uniqueIds(set.roles, (r) => r.id, 'role');
  }

  readonly report: Report = (entry, field, message, ...found) => {
    const path = [...entry.path, ...field];
    const issue: ContentIssue = { file: entry.file, path, message };
    const line = entry.lineOf?.(path) ?? entry.line;
    if (line !== undefined) issue.line = line;
    if (found.length > 0) issue.found = found[0];
    this.issues.push(issue);
  };

  uniqueIds<T>(entries: Located<T>[], idOf: (value: T) => string, what: string, field: PathSegment[] = ['id']): Map<string, Located<T>> {
    const seen = new Map<string, Located<T>>();
    for (const entry of entries) {
      const id = idOf(entry.value);
      const first = seen.get(id);
      if (first) this.report(entry, field, `expected a unique ${what} id; already used at ${first.file} ${formatPath(first.path)}`, id);
      else seen.set(id, entry);
    }
    return seen;
  }

  mustExist(entry: Located<unknown>, field: PathSegment[], eId: string): void {
    if (!this.provisions.has(eId)) this.report(entry, field, 'expected the eId of a provision of the quoted law', eId);
  }

  eachCite(entry: Located<unknown>, field: PathSegment[], list: readonly string[] | undefined): void {
    list?.forEach((eId, index) => this.mustExist(entry, [...field, index], eId));
  }

  /** The law: article numbers unique, each article true to its source, its provisions with unique eIds. */
  checkArticles(): void {
    const { set, report } = this;
    this.uniqueIds(set.articles, (a) => a.num, 'article', ['num']);
    for (const article of set.articles) {
      const { value } = article;
      if (!this.instruments.has(value.instrument)) {
        report(article, ['instrument'], `expected an instrument id from instruments.yaml (${[...this.instruments.keys()].join(', ')})`, value.instrument);
      }
      if (!this.sources.has(value.source)) {
        report(article, ['source'], `expected a source id from sources/sources.yaml (${[...this.sources.keys()].join(', ')})`, value.source);
      }
      value.paragraphs.forEach((para, p) => {
        para.subparagraphs?.forEach((sub, s) => {
          if (!sub.num.startsWith(`${para.num}.`)) {
            report(article, ['paragraphs', p, 'subparagraphs', s, 'num'], `expected a sub-clause of clause ${para.num}, numbered "${para.num}.N"`, sub.num);
          }
        });
      });
      const source = set.sources.find((s) => s.value.id === value.source);
      if (source) checkFidelity(article, source.value, report);
      for (const provision of provisionsOf(value)) {
        if (this.provisions.has(provision.eId)) {
          report(article, [], `expected each provision once; ${provision.label} (${provision.eId}) appears twice`, provision.num);
        } else this.provisions.set(provision.eId, provision);
      }
    }
    for (const source of set.sources) this.mustExist(source, ['quotes'], source.value.quotes);
    for (const instrument of set.instruments) {
      this.eachCite(instrument, ['mentionedIn'], instrument.value.mentionedIn);
      this.checkNotice(instrument);
    }
  }

  /**
   * A notice an instrument gives (the reorganisation of 2025) names the instrument as its source,
   * with the dates the entry states: the words on the pages and the data cannot drift apart.
   */
  checkNotice(instrument: ContentSet['instruments'][number]): void {
    const { number, issuedOn, inForceFrom, notice } = instrument.value;
    if (!notice) return;
    const named = [number, issuedOn && formatDateVi(issuedOn), inForceFrom && formatDateVi(inForceFrom)];
    if (!issuedOn || !inForceFrom)
      this.report(instrument, ['notice'], 'expected "issuedOn" and "inForceFrom": a notice says when its source was issued and took effect');
    for (const words of named)
      if (words && !notice.text.includes(words))
        this.report(instrument, ['notice', 'text'], `expected the notice to name its source as the entry states it ("${words}")`, notice.text);
    if (!notice.summary.includes(number))
      this.report(instrument, ['notice', 'summary'], `expected the summary to name its source ("${number}")`, notice.summary);
  }

  /** Roles: what they hold, whom they relate to, what they cite; then every clause with points has exactly one holder. */
  checkRoles(): void {
    for (const role of this.set.roles) {
      const { value } = role;
      if (value.holds !== undefined) this.checkHolds(role, value.holds);
      else if (!value.mentionedIn) this.report(role, [], 'expected "holds" (a duty holder) or "mentionedIn" (an actor the text names)');
      this.eachCite(role, ['mentionedIn'], value.mentionedIn);
      value.relations?.forEach((relation, r) => {
        if (!this.roles.has(relation.target)) this.report(role, ['relations', r, 'target'], 'expected a role id from roles.yaml', relation.target);
        if (relation.target === value.id) this.report(role, ['relations', r, 'target'], 'expected another role, not the role itself', relation.target);
        this.eachCite(role, ['relations', r, 'cites'], relation.cites);
        // The heading names the relation in the law's words: each cited point must say them.
        for (const eId of relation.cites) {
          const text = this.provisions.get(eId)?.text;
          if (text === undefined) continue; // a clause, or an unknown eId (reported above)
          const missing = RELATIONS[relation.kind].words.filter((words) => !saysAsAct(text, words));
          if (missing.length > 0)
            this.report(
              role,
              ['relations', r, 'kind'],
              `expected ${this.provisions.get(eId)?.label} to say ${missing.map((w) => `«${w}»`).join(', ')} (not as «theo …» or «sự …», ` +
                `someone else's act), the words of relation "${relation.kind}"; kinds whose words it says: ${Object.entries(RELATIONS)
                  .filter(([, k]) => k.words.every((w) => saysAsAct(text, w)))
                  .map(([id]) => id)
                  .join(', ')}`,
              relation.kind,
            );
        }
      });
      value.silences?.forEach((silence, s) => this.eachCite(role, ['silences', s, 'cites'], silence.cites));
      value.within?.forEach((group, w) => {
        if (!this.roles.has(group)) this.report(role, ['within', w], 'expected a role id from roles.yaml', group);
        else if (group === value.id) this.report(role, ['within', w], 'expected another role, not the role itself', group);
      });
    }
    for (const reading of this.set.readings) {
      const { gives } = reading.value;
      for (const key of ['actor', 'approver'] as const) {
        const roleId = gives?.[key];
        if (roleId !== undefined && !this.roles.has(roleId)) this.report(reading, ['gives', key], 'expected a role id from roles.yaml', roleId);
      }
    }
    for (const provision of this.provisions.values()) {
      const holdsPoints = provision.children.some((child) => this.provisions.get(child)?.kind === 'point');
      if (holdsPoints && !this.holderOf.has(provision.eId)) {
        this.issues.push({
          file: 'roles.yaml',
          path: [],
          message: `expected a role with "holds: ${provision.eId}": nobody holds the duties of ${provision.label}`,
        });
      }
    }
  }

  /** A role's clause: one with lettered points, held by no other role. */
  private checkHolds(role: Located<RoleValue>, holds: string): void {
    const clause = this.provisions.get(holds);
    if (!clause) this.mustExist(role, ['holds'], holds);
    else if (!clause.children.some((child) => this.provisions.get(child)?.kind === 'point')) {
      this.report(role, ['holds'], 'expected a clause or sub-clause that has lettered points', holds);
    } else {
      const other = this.holderOf.get(holds);
      if (other) this.report(role, ['holds'], `expected each clause to be held by one role; ${other.value.id} holds it already`, holds);
      else this.holderOf.set(holds, role);
    }
  }

  /** Whether the reading `id` (readings.yaml) gives `roleId` as the one who does what it concerns. */
  givesActor(id: string | undefined, roleId: string): boolean {
    return id !== undefined && this.set.readings.some((r) => r.value.id === id && r.value.gives?.actor === roleId);
  }

  /** Duties: each on a real point of its own role's clause, in known moments; then every point has a checklist item. */
  checkDuties(): void {
    const dutiesByPoint = new Map<string, number>();
    this.uniqueIds(this.set.duties, dutyItemId, 'checklist item (point + suffix)', ['suffix']);
    for (const duty of this.set.duties) {
      const point = this.checkDuty(duty);
      if (point) dutiesByPoint.set(point, (dutiesByPoint.get(point) ?? 0) + 1);
    }
    for (const provision of this.provisions.values()) {
      if (provision.kind === 'point' && !dutiesByPoint.has(provision.eId)) {
        this.issues.push({
          file: 'duties/',
          path: [],
          message: `expected at least one duty with "point: ${provision.eId}": ${provision.label} has no checklist item`,
        });
      }
    }
  }

  /** One checklist item; returns its point's eId when that is a lettered point. */
  private checkDuty(duty: ContentSet['duties'][number]): string | undefined {
    const { report } = this;
    const { value } = duty;
    const point = this.provisions.get(value.point);
    if (!point) this.mustExist(duty, ['point'], value.point);
    else if (point.kind !== 'point') report(duty, ['point'], 'expected the eId of a lettered point, not of a clause', value.point);
    const role = this.roles.get(value.role);
    if (!role) report(duty, ['role'], `expected a role id from roles.yaml (${[...this.holderOf.values()].map((r) => r.value.id).join(', ')})`, value.role);
    else if (!role.value.holds) report(duty, ['role'], 'expected a duty holder; this actor holds no clause of the article', value.role);
    else if (point && !isWithin(point.eId, role.value.holds) && !this.givesActor(value.reading, value.role)) {
      // The text gives a point's duties to the role holding its clause; another role only by a
      // reading that says so (3.1 d's unnamed part, read as the officers').
      const holder = [...this.holderOf.entries()].find(([clause]) => isWithin(point.eId, clause))?.[1].value.id;
      report(
        duty,
        ['role'],
        `expected the role that holds ${point.label}${holder ? ` (${holder})` : ''}, or a "reading" whose "gives: { actor }" is this role`,
        value.role,
      );
    }
    value.moments.forEach((moment, m) => {
      if (!this.moments.has(moment)) report(duty, ['moments', m], `expected a moment id from moments.yaml (${[...this.moments.keys()].join(', ')})`, moment);
    });
    if (value.approval) {
      if (!this.roles.has(value.approval.by)) report(duty, ['approval', 'by'], 'expected a role id from roles.yaml', value.approval.by);
      else if (value.approval.by === value.role) report(duty, ['approval', 'by'], 'expected another role: a role does not approve itself', value.approval.by);
    }
    this.eachCite(duty, ['alsoCites'], value.alsoCites);
    return point?.kind === 'point' ? value.point : undefined;
  }

  /**
   * Flows and drills: their rules live in src/lib/flows/graph.ts and src/lib/drills/rules.ts;
   * problems are reported against the file of the flow or drill.
   */
  checkFlowsAndDrills(): void {
    const { set, report } = this;
    this.uniqueIds(set.flows, (f) => f.id, 'flow');
    const flowContext = {
      roles: new Set(this.roles.keys()),
      provisions: new Set(this.provisions.keys()),
      moments: new Set(this.moments.keys()),
      names: roleNames(set.roles.map((r) => r.value)),
    };
    for (const flow of set.flows) {
      if (flow.file !== `flows/${flow.value.id}.yaml`) report(flow, ['id'], `expected the id to match the file name (${flow.file})`, flow.value.id);
      for (const problem of checkFlow(flow.value, flowContext)) report(flow, problem.path, problem.message, ...('found' in problem ? [problem.found] : []));
    }
    const drillContext = { ...flowContext, flows: new Map(set.flows.map((f) => [f.value.id, new Set(f.value.nodes.map((n) => n.id))])) };
    for (const drill of set.drills) {
      for (const problem of checkDrill(drill.value, drill.value.id, drillContext)) report(drill, problem.path, problem.message, ...('found' in problem ? [problem.found] : []));
    }
  }

  /** The law gates: spans carried, quotations verbatim, readings stated once and used. */
  checkLawGates(): void {
    const push = (issue: ContentIssue) => this.issues.push(issue);
    checkSpans(this.set, this.provisions, this.report, push);
    checkQuotations(this.set, this.provisions, this.report, push);
    checkReadings(this.set, this.report);
    checkNotArising(this.set, this.provisions, this.report);
    checkPointWords(this.set, this.provisions, this.report, push);
    for (const reading of this.set.readings) this.eachCite(reading, ['cites'], reading.value.cites);
  }
}

type Report = (entry: Located<unknown>, field: PathSegment[], message: string, ...found: [unknown?]) => void;

/** The stored article must be the source's law, word for word (after NFC and white-space normalisation). */
function checkFidelity(article: Located<Article>, source: Source & { text: string }, report: Report): void {
  let law;
  try {
    law = parseLaw(source.text, source.law);
  } catch (error) {
    if (!(error instanceof SourceParseError)) throw error;
    report(article, ['source'], `expected a source whose law can be read: ${error.message}`, source.id);
    return;
  }
  const compare = (field: PathSegment[], stored: string, quoted: string | undefined, what: string) => {
    if (quoted === undefined) {
      report(article, field, `expected ${what} to exist in the source ${source.id}; it does not`, stored);
      return;
    }
    const diff = firstDifference(stored, quoted);
    if (diff) {
      report(
        article,
        field,
        `expected the verbatim text of the source (${source.id}); word ${diff.index + 1} differs: ` +
          `found ${JSON.stringify(diff.found)}, the source has ${JSON.stringify(diff.expected)}`,
      );
    }
  };
  const comparePoints = (field: PathSegment[], stored: { num: string; text: string }[], quoted: SourcePoint[], where: string) => {
    if (stored.length !== quoted.length) {
      report(article, field, `expected ${quoted.length} points in ${where} as in the source; found ${stored.length}`);
    }
    stored.forEach((point, index) => {
      const match = quoted[index];
      if (match && match.num !== point.num) report(article, [...field, index, 'num'], `expected point "${match.num}" as in the source`, point.num);
      compare([...field, index, 'text'], point.text, match?.text, `point ${point.num}) of ${where}`);
    });
  };
  if (article.value.paragraphs.length !== law.length) {
    report(article, ['paragraphs'], `expected ${law.length} clauses as in the source; found ${article.value.paragraphs.length}`);
  }
  article.value.paragraphs.forEach((para, p) => {
    const quoted = law.find((q) => q.num === para.num);
    compare(['paragraphs', p, 'heading'], para.heading, quoted?.heading, `clause ${para.num}`);
    if (!quoted) return;
    comparePoints(['paragraphs', p, 'points'], para.points ?? [], quoted.points, `clause ${para.num}`);
    const subs = para.subparagraphs ?? [];
    if (subs.length !== quoted.subparagraphs.length) {
      report(article, ['paragraphs', p, 'subparagraphs'], `expected ${quoted.subparagraphs.length} sub-clauses in clause ${para.num} as in the source; found ${subs.length}`);
    }
    subs.forEach((sub, s) => {
      const quotedSub = quoted.subparagraphs.find((q) => q.num === sub.num);
      compare(['paragraphs', p, 'subparagraphs', s, 'heading'], sub.heading, quotedSub?.heading, `sub-clause ${sub.num}`);
      if (quotedSub) comparePoints(['paragraphs', p, 'subparagraphs', s, 'points'], sub.points, quotedSub.points, `sub-clause ${sub.num}`);
    });
  });
}
