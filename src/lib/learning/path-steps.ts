/** Where each step of a role's learning path leads (path.ts says when a step is done). */
import { routes } from '../site/routes.ts';
import { ALL_ROLES, type StepId } from './path.ts';

export interface PathStep {
  id: StepId;
  /** The next-step button's words when this step is the next one. */
  label: string;
  /** Where the step's button leads (a site path). */
  href: string;
}

/**
 * The steps of `role`'s path (or of all four, ALL_ROLES) and where each leads: the role's
 * duties, its first flow, practice, its first drill. Where the role acts in no flow or no drill,
 * the step leads to the list of them.
 */
export function pathSteps(path: {
  role: string;
  /** The role's name as the page writes it ("công chức …", "cả bốn vai trò"). */
  name: string;
  /** Ids of the flows and drills the role takes part in, in the order the page lists them. */
  flows: readonly string[];
  drills: readonly string[];
}): PathStep[] {
  const all = path.role === ALL_ROLES;
  const [flow] = path.flows;
  const [drill] = path.drills;
  return [
    {
      id: 'doc',
      label: `Việc tiếp theo: đọc việc của ${path.name}`,
      href: all ? routes.roles() : routes.role(path.role),
    },
    {
      id: 'flows',
      label: 'Việc tiếp theo: đi qua các quy trình',
      href: flow ? routes.flow(flow) : routes.flows(),
    },
    {
      id: 'practice',
      label: 'Việc tiếp theo: luyện tập',
      href: routes.practice(all ? undefined : { role: path.role }),
    },
    {
      id: 'drills',
      label: 'Việc tiếp theo: làm bài diễn tập',
      href: drill ? routes.drill(drill) : routes.drills(),
    },
  ];
}
