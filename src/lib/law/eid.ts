/**
 * Akoma Ntoso-style identifiers for the provisions of an article, and the Vietnamese
 * citation labels that go with them ("điểm b khoản 3.1 Điều 7": smallest unit first).
 * eIds are derived from the numbering only, so they survive changes of wording.
 */

export type ProvisionKind = 'article' | 'para' | 'subpara' | 'point';

export interface ProvisionAddress {
  article: string;
  para?: string;
  /** The sub-clause number as written, e.g. "3.1". */
  subpara?: string;
  point?: string;
}

const EID_PATTERN =
  /^art_(?<article>[0-9]+[a-z]?)(?:__para_(?<para>[0-9]+)(?:__subpara_(?<sub>[0-9]+))?(?:__point_(?<point>[a-zđ]))?)?$/;

/** Whether a string is shaped like a provision eId (it may still not exist). */
export const isEId = (value: string): boolean => EID_PATTERN.test(value);

export function eIdOf(address: ProvisionAddress): string {
  let eId = `art_${address.article}`;
  if (address.para === undefined) return eId;
  eId += `__para_${address.para}`;
  if (address.subpara !== undefined) {
    const [para, sub] = address.subpara.split('.');
    if (para !== address.para || !sub) {
      throw new Error(`Sub-clause ${address.subpara} does not belong to clause ${address.para}`);
    }
    eId += `__subpara_${sub}`;
  }
  if (address.point !== undefined) eId += `__point_${address.point}`;
  return eId;
}

export function parseEId(eId: string): ProvisionAddress & { kind: ProvisionKind } {
  const match = EID_PATTERN.exec(eId);
  const groups = match?.groups;
  if (!groups?.article) throw new Error(`Not a provision eId: ${JSON.stringify(eId)}`);
  const address: ProvisionAddress = { article: groups.article };
  if (groups.para) address.para = groups.para;
  if (groups.sub) address.subpara = `${groups.para}.${groups.sub}`;
  if (groups.point) address.point = groups.point;
  const kind: ProvisionKind = address.point
    ? 'point'
    : address.subpara
      ? 'subpara'
      : address.para
        ? 'para'
        : 'article';
  return { ...address, kind };
}

/** "điểm b khoản 3.1 Điều 7", "khoản 2 Điều 7", "Điều 7". */
export function citationLabel(eId: string): string {
  const { article, para, subpara, point } = parseEId(eId);
  const parts: string[] = [];
  if (point) parts.push(`điểm ${point}`);
  if (subpara) parts.push(`khoản ${subpara}`);
  else if (para) parts.push(`khoản ${para}`);
  parts.push(`Điều ${article}`);
  return parts.join(' ');
}

/** "3.1 b)", "1 a)": the compact form used in tables and badges. */
export function shortLabel(eId: string): string {
  const { para, subpara, point, article } = parseEId(eId);
  const clause = subpara ?? para;
  if (!clause) return `Điều ${article}`;
  return point ? `${clause} ${point})` : clause;
}

/** Whether `inner` is `outer` or lies inside it (a point inside its clause, …). */
export const isWithin = (inner: string, outer: string): boolean =>
  inner === outer || inner.startsWith(`${outer}__`);
