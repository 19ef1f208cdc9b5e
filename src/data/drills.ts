/** The drills as the pages see them: Astro's `drills` collection, in the order the content gives. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { DrillWithId } from '../lib/drills/model.ts';
import { compareVi } from '../lib/vi.ts';
import { getHandbook } from './handbook.ts';

export type DrillEntry = CollectionEntry<'drills'>;

/** Every drill entry, by `order`, then title. */
export async function getDrillEntries(): Promise<DrillEntry[]> {
  const entries = await getCollection('drills');
  return entries.sort(
    (a, b) => a.data.order - b.data.order || compareVi(a.data.title, b.data.title),
  );
}

/** A drill's frontmatter with its id (the file name). */
export const drillOf = (entry: DrillEntry): DrillWithId => ({ ...entry.data, id: entry.id });

/** The paths of the pages made per drill (trainee, trainer, cards): one per drill, with its entry as the page's props. */
export async function drillPaths(): Promise<
  { params: { drill: string }; props: { entry: DrillEntry } }[]
> {
  return (await getDrillEntries()).map((entry) => ({
    params: { drill: entry.id },
    props: { entry },
  }));
}

/** The props of a per-drill page (trainee, trainer, cards). */
export interface DrillPageProps {
  entry: DrillEntry;
}

/** What the per-drill pages start from: the drill, its roles' names, how many injects it has. */
export function drillPage(props: DrillPageProps) {
  const drill = drillOf(props.entry);
  const handbook = getHandbook();
  return {
    drill,
    handbook,
    roleName: (id: string) => handbook.role(id).name,
    total: drill.injects.length,
  };
}
