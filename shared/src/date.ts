/** Vietnam's IANA zone, named so the result never depends on the build machine's own TZ. */
export const NEWSROOM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// One formatter, reused: building an Intl.DateTimeFormat is far slower than calling it, and a
// build formats tens of thousands of dates. The locale only picks the digits (Latin); the layout
// comes from the labelled parts below. hourCycle h23 keeps midnight at "00", never "24".
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// An ISO 8601 date-time must carry "Z" or an offset: without one, JavaScript reads it in the
// machine's local zone, the very dependence these helpers exist to avoid.
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

interface Gmt7Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** Offset from UTC in minutes: +420 (GMT+7) for every date since 13 June 1975. */
  offset: number;
}

function toDate(input: Date | string | number): Date {
  let date: Date | undefined;
  if (input instanceof Date) date = input;
  else if (typeof input === 'number') date = new Date(input);
  else if (typeof input === 'string' && ZONED_ISO.test(input.trim())) date = new Date(input.trim());
  if (date === undefined || Number.isNaN(date.getTime())) {
    // Also reached by a null sneaking past the types: new Date(null) would print 1970.
    const shown = typeof input === 'string' ? JSON.stringify(input) : String(input);
    throw new RangeError(
      `Invalid date ${shown}: expected a Date, epoch milliseconds or ISO 8601 with "Z" or an ` +
        'offset, e.g. 2023-10-12T01:29:00Z',
    );
  }
  return date;
}

// A build prints each article's time on every page that lists it (its own, its category's, the
// related lists of its neighbours, feeds): remembering the parts of recent instants saves most
// formatToParts calls. Bounded, so a long-running process cannot grow it without limit.
const MEMO_LIMIT = 20_000;
const memo = new Map<number, Gmt7Parts>();

// Vietnam's clocks have read UTC+7 since 12 June 1975 16:00 UTC. Where the zone data this
// runtime carries agrees up to 2100, the wall clock is plain arithmetic, much cheaper than
// formatToParts: a 100,000-article build formats 100,000 distinct times, past any memo's limit.
const FIXED_FROM = Date.UTC(1975, 5, 12, 16);
const FIXED_UNTIL = Date.UTC(2100, 0, 1);
const GMT7_MS = 7 * 3_600_000;
const fixedSince1975 = [FIXED_FROM, Date.now(), FIXED_UNTIL - 1000].every(
  (time) => wallClockParts(new Date(time)).offset === 420,
);

const twoDigits = (value: number) => String(value).padStart(2, '0');

function fixedGmt7Parts(time: number): Gmt7Parts {
  const wall = new Date(time + GMT7_MS);
  return {
    year: String(wall.getUTCFullYear()),
    month: twoDigits(wall.getUTCMonth() + 1),
    day: twoDigits(wall.getUTCDate()),
    hour: twoDigits(wall.getUTCHours()),
    minute: twoDigits(wall.getUTCMinutes()),
    second: twoDigits(wall.getUTCSeconds()),
    offset: 420,
  };
}

function toGmt7Parts(input: Date | string | number): Gmt7Parts {
  const time = toDate(input).getTime();
  if (fixedSince1975 && time >= FIXED_FROM && time < FIXED_UNTIL) return fixedGmt7Parts(time);
  let parts = memo.get(time);
  if (!parts) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    parts = wallClockParts(new Date(time));
    memo.set(time, parts);
  }
  return parts;
}

function wallClockParts(date: Date): Gmt7Parts {
  // formatToParts, not format(): the parts come labelled, so the order a locale prints them in
  // (vi-VN puts the time first: "08:29 12/10/2023") cannot leak into our layout.
  const part: Record<string, string> = {};
  for (const { type, value } of wallClock.formatToParts(date)) part[type] = value;
  const { year, month, day, hour, minute, second } = part as Omit<Gmt7Parts, 'offset'>;
  // Vietnam has kept UTC+7 since 1975, but the zone's history differs before that (UTC+8 in
  // the South 1960–1975): derive the offset from the wall clock rather than assume it.
  const wallMs = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const offset = Math.round((wallMs - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  return { year, month, day, hour, minute, second, offset };
}

function formatOffset(offset: number, style: 'gmt' | 'iso'): string {
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  if (style === 'iso') return `${sign}${String(hours).padStart(2, '0')}:${minutes}`;
  return `GMT${sign}${hours}${minutes === '00' ? '' : `:${minutes}`}`;
}

/**
 * Formats an instant the way the paper prints it: `DD/MM/YYYY | HH:mm GMT+7`, in Vietnam's
 * time whatever the time zone of the machine that runs it.
 *
 * Accepts a Date, epoch milliseconds, or an ISO 8601 string with "Z" or an offset; anything
 * else throws a RangeError.
 *
 * @example
 * formatGmt7('2023-10-12T01:29:00Z')
 * //=> '12/10/2023 | 08:29 GMT+7'
 */
export function formatGmt7(date: Date | string | number): string {
  const { year, month, day, hour, minute, offset } = toGmt7Parts(date);
  return `${day}/${month}/${year} | ${hour}:${minute} ${formatOffset(offset, 'gmt')}`;
}

/**
 * Formats an instant as ISO 8601 in Vietnam's time with its offset, for JSON-LD, feeds and
 * `<time datetime>`.
 *
 * @example
 * toIsoGmt7('2023-10-12T01:29:00Z')
 * //=> '2023-10-12T08:29:00+07:00'
 */
export function toIsoGmt7(date: Date | string | number): string {
  const { year, month, day, hour, minute, second, offset } = toGmt7Parts(date);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${formatOffset(offset, 'iso')}`;
}

/** A time on Vietnam's clocks, as a form shows it (month 1–12). */
export interface Gmt7WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * What Vietnam's clocks read at an instant, as numbers: what the admin's date-time inputs show,
 * whatever the browser's time zone.
 *
 * @example
 * gmt7WallClock('2026-11-27T01:30:00Z')
 * //=> { year: 2026, month: 11, day: 27, hour: 8, minute: 30 }
 */
export function gmt7WallClock(date: Date | string | number): Gmt7WallClock {
  const { year, month, day, hour, minute } = toGmt7Parts(date);
  return { year: +year, month: +month, day: +day, hour: +hour, minute: +minute };
}

/**
 * The instant at which Vietnam's clocks read the given time: what the admin stores when an
 * editor enters 08:30 in a browser set to another zone.
 *
 * @example
 * fromGmt7WallClock({ year: 2026, month: 11, day: 27, hour: 8, minute: 30 }).toISOString()
 * //=> '2026-11-27T01:30:00.000Z'
 */
export function fromGmt7WallClock({ year, month, day, hour, minute }: Gmt7WallClock): Date {
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that time (UTC+7 since 1975, UTC+8 before in the South), read at the
  // instant today's offset gives.
  const { offset } = toGmt7Parts(wallMs - 7 * 3_600_000);
  return new Date(wallMs - offset * 60_000);
}
