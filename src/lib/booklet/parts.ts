/**
 * The parts of the printed booklet (/in/), in the order they print, and the anchors its
 * contents and page references point to. The handbook's readings follow the law they read:
 * every citation and reading a role, flow or drill names then points back to a page already
 * laid out. The law's provisions keep their eIds as anchors
 * («xem tr. N» after a citation is a link to the eId); everything else is named here once.
 */

export interface Part {
  /** The anchor of the part's heading. */
  id: string;
  title: string;
}

export const LAW_PART: Part = { id: 'dieu-7', title: 'Điều 7, nguyên văn' };
export const ROLES_PART: Part = { id: 'vai-tro', title: 'Việc của từng vai trò' };
export const FLOWS_PART: Part = { id: 'quy-trinh', title: 'Quy trình' };
export const DRILLS_PART: Part = { id: 'dien-tap', title: 'Diễn tập' };
export const READINGS_PART: Part = { id: 'cach-hieu', title: 'Cách hiểu của sổ tay' };
export const JOURNAL_PART: Part = { id: 'mau-nhat-ky', title: 'Mẫu nhật ký trực ban' };

export const roleAnchor = (roleId: string): string => `vai-tro-${roleId}`;
export const flowAnchor = (flowId: string): string => `quy-trinh-${flowId}`;
export const drillAnchor = (drillId: string): string => `dien-tap-${drillId}`;
export const readingAnchor = (readingId: string): string => `cach-hieu-${readingId}`;

/** An entry of the contents: a part, or a chapter of one (a role, a flow, a drill). */
export interface ContentsEntry extends Part {
  chapters: Part[];
}

/** The contents, in print order, from what each part holds. */
export function contents(parts: {
  roles: readonly { id: string; name: string }[];
  flows: readonly { id: string; title: string }[];
  drills: readonly { id: string; title: string }[];
}): ContentsEntry[] {
  return [
    { ...LAW_PART, chapters: [] },
    { ...READINGS_PART, chapters: [] },
    {
      ...ROLES_PART,
      chapters: parts.roles.map((role) => ({ id: roleAnchor(role.id), title: role.name })),
    },
    {
      ...FLOWS_PART,
      chapters: parts.flows.map((flow) => ({ id: flowAnchor(flow.id), title: flow.title })),
    },
    {
      ...DRILLS_PART,
      chapters: parts.drills.map((drill) => ({ id: drillAnchor(drill.id), title: drill.title })),
    },
    { ...JOURNAL_PART, chapters: [] },
  ];
}
