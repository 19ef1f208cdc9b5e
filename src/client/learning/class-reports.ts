/**
 * Loaded by <class-view> when a report is first opened, stand-alone and by its address (a
 * module built that way keeps no exports): it hands the element the report reader, which
 * carries the report's schema that a first visit does without.
 */
import { failedPoints } from '../../lib/learning/class-reports.ts';

const view = customElements.get('class-view') as { readReport?: typeof failedPoints } | undefined;
if (view) view.readReport = failedPoints;
