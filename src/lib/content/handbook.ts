/**
 * The resolved handbook: validated content with its references joined up, ready for
 * pages and scripts. Built once per build from the content root.
 */
import { arisingWords } from './arising.ts';
import { eIdOf } from '../law/eid.ts';
import { indexBy, under } from '../group.ts';
import { provisionsOf, type Provision } from '../law/provisions.ts';
import { resolveFlow, type ResolvedFlow } from '../flows/model.ts';
import { routes } from '../site/routes.ts';
import { compareVi } from '../vi.ts';
import { ContentError, type ContentIssue, type PathSegment } from './errors.ts';
import { checkQuestions } from '../learning/question-gate.ts';
import { generateQuestions, sourceOf } from '../learning/questions.ts';
import { checkIntegrity } from './integrity.ts';
import { loadContent, type ContentSet, type Located } from './load.ts';
import {
  dutyItemId,
  RELATIONS,
  type Duty,
  type Instrument,
  type Moment,
  type Reading,
  type RelationKind,
  type Role,
  type Source,
  type StepNode,
} from './schema.ts';

export interface DutyItem extends Duty {
  /** Stable item id: the point's eId (+ "--suffix"). */
  id: string;
  /** Everything the item cites, its point first. */
  cites: string[];
}

export interface RelatedRole {
  role: Role;
  cites: string[];
  note?: string | undefined;
  /** The id of the handbook's reading the relation rests on (readings.yaml). */
  reading?: string | undefined;
}

/** A heading on a role page and the roles under it. */
export interface RelationGroup {
  heading: string;
  related: RelatedRole[];
}

/** A place in the handbook that cites a provision: the backlinks of the article page. */
export interface CitationUse {
  eId: string;
  href: string;
  title: string;
  kind: 'vai-tro' | 'quy-trinh';
  /** The checklist item's id (kind 'vai-tro'). */
  item?: string;
  /** The flow and its node (kind 'quy-trinh'). */
  flow?: string;
  node?: string;
}

/** A flow step that carries out a role's checklist item: the backlinks of the role pages. */
export interface FlowStepUse {
  flow: ResolvedFlow;
  step: StepNode;
  href: string;
}

export interface Handbook {
  sources: (Source & { text: string })[];
  instruments: Instrument[];
  /** The quoted articles, each with the instrument it belongs to. */
  articles: { provision: Provision; instrument: Instrument }[];
  /** Provisions of all quoted articles, in document order. */
  provisions: Provision[];
  provision: (eId: string) => Provision;
  points: Provision[];
  /** The points of the clause a role holds, in the law's order. */
  pointsHeldBy: (roleId: string) => Provision[];
  roles: Role[];
  role: (id: string) => Role;
  dutyHolders: Role[];
  /** Actors named in the text without duties there, in Vietnamese order. */
  otherActors: Role[];
  moments: Moment[];
  duties: DutyItem[];
  dutiesOf: (roleId: string) => DutyItem[];
  /** When the checklist items were last revised (yyyy-mm-dd, checklists.yaml). */
  checklistsRevised: string;
  /**
   * The law's words that make an item wait for something to arise, as its point says them
   * (arising.ts; none for most items): such an item can be marked «không phát sinh trong ca».
   */
  arising: (duty: DutyItem) => string[];
  /** The reading that lets an item be marked so (checklists.yaml `notArising`). */
  notArisingReading: string | undefined;
  /** The reading that lets a journal entry be a matter followed and handed over (checklists.yaml `followUp`). */
  followUpReading: string | undefined;
  holderOf: (pointEId: string) => Role;
  /** The role that holds exactly this clause or sub-clause, if one does. */
  clauseHolder: (clauseEId: string) => Role | undefined;
  relationsOf: (roleId: string) => RelationGroup[];
  usesOf: (eId: string) => CitationUse[];
  /** Decision flows, in the order of the moments they belong to. */
  flows: ResolvedFlow[];
  flow: (id: string) => ResolvedFlow;
  /** Steps of the flows done by `roleId` (as actor or co-actor) that cite any of `cites`. */
  flowStepsFor: (roleId: string, cites: readonly string[]) => FlowStepUse[];
  /** The flows with a step `roleId` does (as actor or co-actor), in the flows' order. */
  flowsWith: (roleId: string) => ResolvedFlow[];
  /** A few of a point's own words that name it (point-words.yaml), or undefined. */
  pointWords: (pointEId: string) => string | undefined;
  /** The handbook's readings of what the text leaves open (readings.yaml). */
  readings: Reading[];
  reading: (id: string) => Reading;
}

/**
 * Headings for relations as seen from each end (schema.ts RELATIONS, in the law's words). The
 * reverse of "A follows B's direction" is "B directs A": one fact, written once in roles.yaml,
 * shown on both role pages. A page lists them in this order.
 */
const RELATION_HEADINGS: Record<RelationKind, { outgoing: string; incoming?: string }> = RELATIONS;
export const HEADING_ORDER: readonly string[] = [
  'Nhận chỉ đạo, phân công của',
  'Nhận chỉ đạo của',
  'Nhận phân công của',
  'Theo dõi chỉ đạo của',
  'Chỉ đạo, phân công',
  'Chỉ đạo',
  'Phân công',
  'Phối hợp với',
  'Báo cáo, đề xuất lên',
  'Báo cáo',
  'Nhận báo cáo, đề xuất của',
  'Nhận báo cáo của',
  'Chỉ thực hiện khi có sự đồng ý, phê duyệt của',
  'Cần sự phê duyệt của',
  'Chỉ thực hiện khi có sự đồng ý của',
  'Đồng ý, phê duyệt cho',
  'Phê duyệt cho',
  'Đồng ý cho',
];

/** Looks an id up, and throws on an unknown one (integrity has already checked every reference). */
const lookup =
  <T>(map: Map<string, T>, what: string) =>
  (id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`Unknown ${what}: ${id}`);
    return found;
  };

/** The orders content is sorted by: the moments' order and the law's order. */
interface Orders {
  moment: (id: string | undefined) => number;
  provision: (eId: string) => number;
}

/** Joins up validated content. Throws a ContentError if any reference does not resolve. */
export function resolveHandbook(set: ContentSet): Handbook {
  const issues = checkIntegrity(set);
  if (issues.length > 0) throw new ContentError(issues, set.root);

  const provisions = set.articles.flatMap((article) => provisionsOf(article.value));
  const provisionMap = new Map(provisions.map((p) => [p.eId, p]));
  const roles = set.roles.map((r) => r.value);
  const role = lookup(new Map(roles.map((r) => [r.id, r])), 'role');
  const momentIndex = new Map(set.moments.map((m, index) => [m.value.id, index]));
  const orders: Orders = {
    moment: (id) => momentIndex.get(id ?? '') ?? 0,
    provision: (eId) => provisionMap.get(eId)?.order ?? Number.MAX_SAFE_INTEGER,
  };
  const duties = sortedDuties(set, orders);
  const flows = sortedFlows(set, orders);
  const dutyHolders = roles.filter((r) => r.holds);
  const uses = citationUses(duties, flows, role);
  const points = provisions.filter((p) => p.kind === 'point');
  const holders = new Map(dutyHolders.map((r) => [r.holds ?? '', r]));
  const holder = (pointEId: string) => holderOf(holders, pointEId);
  const pointsByHolder = indexBy(points, (p) => [holder(p.eId).id]);
  const dutiesByRole = indexBy(duties, (d) => [d.role]);
  const relationsByRole = relationIndex(roles);
  const stepsByRole = indexBy(
    flows.flatMap((flow) => flow.steps.map((step) => ({ flow, step, href: routes.flow(flow.id, step.id) }))),
    ({ step }) => [step.actor, ...(step.with ?? [])],
  );

  const pointWords = new Map(set.pointWords.map((w) => [w.value.point, w.value.words]));
  const notArising = set.checklists?.value.notArising;
  const handbook: Handbook = {
    sources: set.sources.map((s) => s.value),
    instruments: set.instruments.map((i) => i.value),
    articles: resolvedArticles(set, provisionMap),
    provisions,
    provision: lookup(provisionMap, 'provision'),
    points,
    pointsHeldBy: (roleId) => under(pointsByHolder, roleId),
    roles,
    role,
    dutyHolders,
    otherActors: roles.filter((r) => !r.holds).sort((a, b) => compareVi(a.name, b.name)),
    moments: set.moments.map((m) => m.value),
    duties,
    dutiesOf: (roleId) => under(dutiesByRole, roleId),
    checklistsRevised: set.checklists?.value.revised ?? '',
    arising: (duty) =>
      notArising ? arisingWords(provisionMap.get(duty.point)?.text ?? '', duty.carries, notArising.words) : [],
    notArisingReading: notArising?.reading,
    followUpReading: set.checklists?.value.followUp?.reading,
    holderOf: holder,
    clauseHolder: (clauseEId) => holders.get(clauseEId),
    relationsOf: (roleId) => relationsOf(roleId, under(relationsByRole, roleId), role, orders),
    usesOf: (eId) => under(uses, eId),
    flows,
    flow: lookup(new Map(flows.map((f) => [f.id, f])), 'flow'),
    flowStepsFor: (roleId, cites) =>
      under(stepsByRole, roleId).filter(({ step }) => step.cites.some((eId) => cites.includes(eId))),
    flowsWith: (roleId) => [...new Set(under(stepsByRole, roleId).map(({ flow }) => flow))],
    pointWords: (eId) => pointWords.get(eId),
    readings: set.readings.map((r) => r.value),
    reading: lookup(new Map(set.readings.map((r) => [r.value.id, r.value])), 'reading'),
  };
  const gate = questionIssues(set, handbook);
  if (gate.length > 0) throw new ContentError(gate, set.root);
  return handbook;
}

/**
 * The gate on generated practice questions (src/lib/learning/question-gate.ts), its problems
 * reported where their source is: the checklist item, the flow step or the drill's inject.
 */
function questionIssues(set: ContentSet, handbook: Handbook): ContentIssue[] {
  const drills = set.drills.map((d) => d.value);
  const problems = checkQuestions(handbook, generateQuestions(handbook, drills), drills);
  return problems.map((problem) => {
    const source = sourceOf(problem.question);
    const at = (entry: Located<unknown> | undefined, field: PathSegment[]): ContentIssue => {
      const path = [...(entry?.path ?? []), ...field];
      return {
        file: entry?.file ?? '',
        path,
        line: entry?.lineOf?.(path) ?? entry?.line,
        message: `expected practice question ${problem.question} to pass the question gate (rule "${problem.rule}"): ${problem.message}`,
      };
    };
    if (source.kind === 'next-step') {
      const flow = set.flows.find((f) => f.value.id === source.flow);
      return at(flow, ['nodes', flow?.value.nodes.findIndex((n) => n.id === source.step) ?? 0]);
    }
    if (source.kind === 'inject') {
      const drill = set.drills.find((d) => d.value.id === source.drill);
      return at(drill, ['injects', drill?.value.injects.findIndex((i) => i.id === source.inject) ?? 0]);
    }
    return at(
      set.duties.find((d) => dutyItemId(d.value) === source.item),
      [],
    );
  });
}

/** Checklist items in a stable order: by first moment, then by the law's order; ties keep the file's order. */
function sortedDuties(set: ContentSet, orders: Orders): DutyItem[] {
  return set.duties
    .map(({ value }, index) => ({
      duty: { ...value, id: dutyItemId(value), cites: [value.point, ...(value.alsoCites ?? [])] },
      index,
    }))
    .sort(
      (a, b) =>
        orders.moment(a.duty.moments[0]) - orders.moment(b.duty.moments[0]) ||
        orders.provision(a.duty.point) - orders.provision(b.duty.point) ||
        a.index - b.index,
    )
    .map(({ duty }) => duty);
}

/** Flows in the order of their moments, then by title. */
function sortedFlows(set: ContentSet, orders: Orders): ResolvedFlow[] {
  return set.flows
    .map(({ value }) => resolveFlow(value))
    .sort((a, b) => orders.moment(a.moment) - orders.moment(b.moment) || compareVi(a.title, b.title));
}

function resolvedArticles(set: ContentSet, provisionMap: Map<string, Provision>): Handbook['articles'] {
  return set.articles.map(({ value }) => {
    const provision = provisionMap.get(eIdOf({ article: value.num }));
    const instrument = set.instruments.find((i) => i.value.id === value.instrument)?.value;
    if (!provision || !instrument) throw new Error(`Article ${value.num} did not resolve`);
    return { provision, instrument };
  });
}

type RoleRelation = NonNullable<Role['relations']>[number];

/** Each relation under both roles it joins, in roles.yaml's order. */
const relationIndex = (roles: readonly Role[]) =>
  indexBy(
    roles.flatMap((source) => (source.relations ?? []).map((relation) => ({ source, relation }))),
    ({ source, relation }) => [source.id, relation.target],
  );

/** A role's relations as seen from its page: its own, and the other end of others' relations to it. */
function relationsOf(
  roleId: string,
  joined: readonly { source: Role; relation: RoleRelation }[],
  role: (id: string) => Role,
  orders: Orders,
): RelationGroup[] {
  const groups = new Map<string, RelatedRole[]>();
  const add = (heading: string, related: RelatedRole) => {
    const list = groups.get(heading) ?? [];
    const existing = list.find((entry) => entry.role.id === related.role.id);
    if (existing) {
      existing.cites = [...new Set([...existing.cites, ...related.cites])].sort(
        (a, b) => orders.provision(a) - orders.provision(b),
      );
      existing.reading ??= related.reading;
    } else list.push(related);
    groups.set(heading, list);
  };
  for (const { source, relation } of joined) {
    const headings = RELATION_HEADINGS[relation.kind];
    const { cites, note, reading } = relation;
    if (source.id === roleId) {
      add(headings.outgoing, { role: role(relation.target), cites, note, reading });
    } else if (relation.target === roleId && headings.incoming) {
      add(headings.incoming, { role: source, cites, note, reading });
    }
  }
  return HEADING_ORDER.filter((heading) => groups.has(heading)).map((heading) => ({
    heading,
    related: groups.get(heading) ?? [],
  }));
}

/** The backlinks of the article page: every checklist item and flow node that cites a provision. */
function citationUses(
  duties: readonly DutyItem[],
  flows: readonly ResolvedFlow[],
  role: (id: string) => Role,
): Map<string, CitationUse[]> {
  const fromDuties = duties.flatMap((duty) =>
    duty.cites.map(
      (eId): CitationUse => ({
        eId,
        href: routes.role(duty.role, duty.id),
        title: `${role(duty.role).name}: ${duty.action}`,
        kind: 'vai-tro',
        item: duty.id,
      }),
    ),
  );
  const fromFlows = flows.flatMap((flow) =>
    flow.order.flatMap((node) => {
      const what =
        node.kind === 'step'
          ? `bước ${flow.number(node.id)}, ${role(node.actor).name}: ${node.action}`
          : node.kind === 'question'
            ? `câu hỏi ${flow.number(node.id)}: ${node.question}`
            : `kết quả ${flow.number(node.id)}: ${node.title}`;
      const silence = node.kind === 'outcome' && node.silence ? node.silence.cites : [];
      return [...new Set([...node.cites, ...silence])].map(
        (eId): CitationUse => ({
          eId,
          href: routes.flow(flow.id, node.id),
          title: `Quy trình «${flow.title}», ${what}`,
          kind: 'quy-trinh',
          flow: flow.id,
          node: node.id,
        }),
      );
    }),
  );
  return indexBy([...fromDuties, ...fromFlows], (use) => [use.eId]);
}

/** The role holding the clause a point lies in: the nearest enclosing clause someone holds. */
function holderOf(holders: ReadonlyMap<string, Role>, pointEId: string): Role {
  for (let end = pointEId.lastIndexOf('__'); end > 0; end = pointEId.lastIndexOf('__', end - 1)) {
    const holder = holders.get(pointEId.slice(0, end));
    if (holder) return holder;
  }
  throw new Error(`No role holds ${pointEId}`);
}

/** Loads, validates and resolves the content under `root`, or throws a ContentError. */
export const loadHandbook = (root: string): Handbook => resolveHandbook(loadContent(root));
