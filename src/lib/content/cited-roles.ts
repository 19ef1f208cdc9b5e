/**
 * Two rules that flows and drills share: what they cite is a provision of the quoted law,
 * and a role put beside citations is one that the cited text names (derived content adds
 * no actor the law does not give).
 */
import { citationLabel } from '../law/eid.ts';
import type { PathSegment } from './errors.ts';

export interface CitationContext {
  /** Role ids of roles.yaml. */
  roles: ReadonlySet<string>;
  /** eIds of every provision of the quoted law. */
  provisions: ReadonlySet<string>;
  /** Whether the text of `eId` names the role: it holds the provision, or the provision mentions it. */
  names: (roleId: string, eId: string) => boolean;
}

type AddProblem = (path: PathSegment[], message: string, found: unknown) => void;

export function citationChecks(context: CitationContext, add: AddProblem) {
  /** Every eId cited at `field` is a provision of the quoted law. */
  const checkCites = (field: PathSegment[], cites: readonly string[]) =>
    cites.forEach((eId, c) => {
      if (!context.provisions.has(eId)) add([...field, c], 'expected the eId of a provision of the quoted law', eId);
    });
  /** The role exists, and the provisions cited beside it name it. */
  const checkNamed = (field: PathSegment[], roleId: string, cites: readonly string[]) => {
    if (!context.roles.has(roleId)) {
      add(field, 'expected a role id from roles.yaml', roleId);
      return;
    }
    const known = cites.filter((eId) => context.provisions.has(eId));
    if (known.length > 0 && !known.some((eId) => context.names(roleId, eId))) {
      const labels = known.map(citationLabel);
      const verdict = labels.length === 1 ? `${labels[0]} does not name it` : `none of ${labels.join(', ')} names it`;
      add(field, `expected a role that the cited text names (roles.yaml: holds, mentionedIn, relations); ${verdict}`, roleId);
    }
  };
  return { checkCites, checkNamed };
}
