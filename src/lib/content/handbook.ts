/**
 * The resolved handbook: validated content with its references joined up, ready for
 * pages and scripts. Built once per build from the content root.
 */
import { eIdOf } from '../law/eid.ts';
import { provisionsOf, type Provision } from '../law/provisions.ts';
import { resolveFlow, type ResolvedFlow } from '../flows/model.ts';
import { routes } from '../site/routes.ts';
import { compareVi } from '../vi.ts';
import { ContentError } from './errors.ts';
import { checkIntegrity, dutyItemId } from './integrity.ts';
import { loadContent, type ContentSet } from './load.ts';
import type { Duty, Instrument, Moment, Reading, RelationKind, Role, Source, StepNode } from './schema.ts';

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
  holderOf: (pointEId: string) => Role;
  relationsOf: (roleId: string) => RelationGroup[];
  usesOf: (eId: string) => CitationUse[];
  /** Decision flows, in the order of the moments they belong to. */
  flows: ResolvedFlow[];
  flow: (id: string) => ResolvedFlow;
  /** Steps of the flows done by `roleId` (as actor or co-actor) that cite any of `cites`. */
  flowStepsFor: (roleId: string, cites: readonly string[]) => FlowStepUse[];
  /** The handbook's readings of what the text leaves open (readings.yaml). */
  readings: Reading[];
  reading: (id: string) => Reading;
}

/**
 * Headings for relations as seen from each end. The reverse of "A follows B's direction"
 * is "B directs A": one fact, written once in roles.yaml, shown on both role pages.
 */
const RELATION_HEADINGS: Record<RelationKind, { outgoing: string; incoming?: string }> = {
  'tuan-thu': { outgoing: 'Nhận chỉ đạo, phân công của', incoming: 'Chỉ đạo, phân công' },
  'chi-dao': { outgoing: 'Chỉ đạo, phân công', incoming: 'Nhận chỉ đạo, phân công của' },
  'theo-doi-chi-dao': { outgoing: 'Theo dõi chỉ đạo của' },
  'phoi-hop': { outgoing: 'Phối hợp với', incoming: 'Phối hợp với' },
  'bao-cao': { outgoing: 'Báo cáo, đề xuất lên', incoming: 'Nhận báo cáo, đề xuất của' },
  'can-phe-duyet': {
    outgoing: 'Chỉ thực hiện khi có sự đồng ý, phê duyệt của',
    incoming: 'Đồng ý, phê duyệt phương án của',
  },
};
const HEADING_ORDER = [
  'Nhận chỉ đạo, phân công của',
  'Theo dõi chỉ đạo của',
  'Chỉ đạo, phân công',
  'Phối hợp với',
  'Báo cáo, đề xuất lên',
  'Nhận báo cáo, đề xuất của',
  'Chỉ thực hiện khi có sự đồng ý, phê duyệt của',
  'Đồng ý, phê duyệt phương án của',
];

/** Joins up validated content. Throws a ContentError if any reference does not resolve. */
export function resolveHandbook(set: ContentSet): Handbook {
  const issues = checkIntegrity(set);
  if (issues.length > 0) throw new ContentError(issues, set.root);

  const provisions = set.articles.flatMap((article) => provisionsOf(article.value));
  const provisionMap = new Map(provisions.map((p) => [p.eId, p]));
  const roles = set.roles.map((r) => r.value);
  const roleMap = new Map(roles.map((r) => [r.id, r]));
  const momentOrder = new Map(set.moments.map((m, index) => [m.value.id, index]));
  const order = (eId: string) => provisionMap.get(eId)?.order ?? Number.MAX_SAFE_INTEGER;

  const duties: DutyItem[] = set.duties
    .map(({ value }) => ({ ...value, id: dutyItemId(value), cites: [value.point, ...(value.alsoCites ?? [])] }))
    // Stable order: by first moment, then by the law's order; ties keep the file's order.
    .map((duty, index) => ({ duty, index }))
    .sort(
      (a, b) =>
        (momentOrder.get(a.duty.moments[0] ?? '') ?? 0) - (momentOrder.get(b.duty.moments[0] ?? '') ?? 0) ||
        order(a.duty.point) - order(b.duty.point) ||
        a.index - b.index,
    )
    .map(({ duty }) => duty);

  const lookup = <T>(map: Map<string, T>, what: string) => (id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`Unknown ${what}: ${id}`);
    return found;
  };
  const role = lookup(roleMap, 'role');
  const dutyHolders = roles.filter((r) => r.holds);

  const relationsOf = (roleId: string): RelationGroup[] => {
    const groups = new Map<string, RelatedRole[]>();
    const add = (heading: string, related: RelatedRole) => {
      const list = groups.get(heading) ?? [];
      const existing = list.find((entry) => entry.role.id === related.role.id);
      if (existing) {
        existing.cites = [...new Set([...existing.cites, ...related.cites])].sort((a, b) => order(a) - order(b));
        existing.reading ??= related.reading;
      } else list.push(related);
      groups.set(heading, list);
    };
    for (const source of roles) {
      for (const relation of source.relations ?? []) {
        const headings = RELATION_HEADINGS[relation.kind];
        if (source.id === roleId) {
          add(headings.outgoing, { role: role(relation.target), cites: relation.cites, note: relation.note, reading: relation.reading });
        } else if (relation.target === roleId && headings.incoming) {
          add(headings.incoming, { role: source, cites: relation.cites, note: relation.note, reading: relation.reading });
        }
      }
    }
    return HEADING_ORDER.filter((heading) => groups.has(heading)).map((heading) => ({
      heading,
      related: groups.get(heading) ?? [],
    }));
  };

  const uses = new Map<string, CitationUse[]>();
  for (const duty of duties) {
    for (const eId of duty.cites) {
      const list = uses.get(eId) ?? [];
      list.push({ eId, href: routes.role(duty.role, duty.id), title: `${role(duty.role).name}: ${duty.action}`, kind: 'vai-tro' });
      uses.set(eId, list);
    }
  }

  // Flows: every node that cites a provision is a backlink from the article page.
  const flows = set.flows
    .map(({ value }) => resolveFlow(value))
    .sort((a, b) => (momentOrder.get(a.moment) ?? 0) - (momentOrder.get(b.moment) ?? 0) || compareVi(a.title, b.title));
  for (const flow of flows) {
    for (const node of flow.order) {
      const what =
        node.kind === 'step'
          ? `bước ${flow.number(node.id)}, ${role(node.actor).name}: ${node.action}`
          : node.kind === 'question'
            ? `câu hỏi ${flow.number(node.id)}: ${node.question}`
            : `kết quả ${flow.number(node.id)}: ${node.title}`;
      for (const eId of new Set([...node.cites, ...(node.kind === 'outcome' && node.silence ? node.silence.cites : [])])) {
        const list = uses.get(eId) ?? [];
        list.push({ eId, href: routes.flow(flow.id, node.id), title: `Quy trình «${flow.title}», ${what}`, kind: 'quy-trinh' });
        uses.set(eId, list);
      }
    }
  }
  const flowStepsFor = (roleId: string, cites: readonly string[]): FlowStepUse[] =>
    flows.flatMap((flow) =>
      flow.steps
        .filter((step) => (step.actor === roleId || step.with?.includes(roleId)) && step.cites.some((eId) => cites.includes(eId)))
        .map((step) => ({ flow, step, href: routes.flow(flow.id, step.id) })),
    );

  const holderOf = (pointEId: string): Role => {
    const holder = dutyHolders.find((r) => r.holds && pointEId.startsWith(`${r.holds}__`));
    if (!holder) throw new Error(`No role holds ${pointEId}`);
    return holder;
  };

  return {
    sources: set.sources.map((s) => s.value),
    instruments: set.instruments.map((i) => i.value),
    articles: set.articles.map(({ value }) => {
      const provision = provisionMap.get(eIdOf({ article: value.num }));
      const instrument = set.instruments.find((i) => i.value.id === value.instrument)?.value;
      if (!provision || !instrument) throw new Error(`Article ${value.num} did not resolve`);
      return { provision, instrument };
    }),
    provisions,
    provision: lookup(provisionMap, 'provision'),
    points: provisions.filter((p) => p.kind === 'point'),
    roles,
    role,
    dutyHolders,
    otherActors: roles.filter((r) => !r.holds).sort((a, b) => compareVi(a.name, b.name)),
    moments: set.moments.map((m) => m.value),
    duties,
    dutiesOf: (roleId) => duties.filter((d) => d.role === roleId),
    checklistsRevised: set.checklists?.value.revised ?? '',
    holderOf,
    relationsOf,
    usesOf: (eId) => uses.get(eId) ?? [],
    flows,
    flow: lookup(new Map(flows.map((f) => [f.id, f])), 'flow'),
    flowStepsFor,
    readings: set.readings.map((r) => r.value),
    reading: lookup(new Map(set.readings.map((r) => [r.value.id, r.value])), 'reading'),
  };
}

/** Loads, validates and resolves the content under `root`, or throws a ContentError. */
export const loadHandbook = (root: string): Handbook => resolveHandbook(loadContent(root));
