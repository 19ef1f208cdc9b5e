/** The day printed on the booklet's cover. */
import { timestampFromEpoch } from '../journal/options.ts';

/**
 * The day a booklet is built (yyyy-mm-dd, Vietnam's time): the day of SOURCE_DATE_EPOCH when a
 * reproducible build sets it (seconds since 1970, as the journal PDFs read it), else of `now`.
 */
export function buildDay(sourceDateEpoch: string | undefined, now: Date): string {
  const when = timestampFromEpoch(sourceDateEpoch) ?? now;
  // en-CA writes dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(when);
}
