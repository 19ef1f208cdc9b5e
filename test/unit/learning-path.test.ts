/**
 * The four steps of a role's path and where each one's button leads. A role that acts in no
 * flow or no drill (as in the bench's synthetic content, or a role added before its drills)
 * still gets a page: the step leads to the list of flows or drills instead of a first one.
 */
import { describe, expect, it } from 'vitest';
import { pathSteps } from '../../src/lib/learning/path-steps.ts';

describe('path steps', () => {
  it('lead to the role page, the first flow, practice for the role and the first drill', () => {
    const steps = pathSteps({
      role: 'cong-chuc-gshqtt',
      name: 'công chức',
      flows: ['f1', 'f2'],
      drills: ['d1'],
    });
    expect(steps.map((s) => [s.id, s.href])).toEqual([
      ['doc', '/vai-tro/cong-chuc-gshqtt/'],
      ['flows', '/quy-trinh/f1/'],
      ['practice', '/hoc-tap/luyen-tap/?vai-tro=cong-chuc-gshqtt'],
      ['drills', '/dien-tap/d1/'],
    ]);
    expect(steps[0]?.label).toBe('Việc tiếp theo: đọc việc của công chức');
  });

  it('for all four roles, lead to the list of roles and practice for everyone', () => {
    const steps = pathSteps({
      role: 'ca-bon-vai-tro',
      name: 'cả bốn vai trò',
      flows: ['f1'],
      drills: ['d1'],
    });
    expect(steps.map((s) => s.href)).toEqual([
      '/vai-tro/',
      '/quy-trinh/f1/',
      '/hoc-tap/luyen-tap/',
      '/dien-tap/d1/',
    ]);
  });

  it('for a role in no flow and no drill, lead to the lists of flows and drills', () => {
    const steps = pathSteps({ role: 'vai-moi', name: 'vai mới', flows: [], drills: [] });
    expect(steps.map((s) => s.href)).toEqual([
      '/vai-tro/vai-moi/',
      '/quy-trinh/',
      '/hoc-tap/luyen-tap/?vai-tro=vai-moi',
      '/dien-tap/',
    ]);
  });
});
