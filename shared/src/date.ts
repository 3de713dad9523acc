/** Named, so that no result depends on the machine's own TZ. */
export const NEWSROOM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Built once: making a DateTimeFormat costs far more than calling it. 'en-US' only picks Latin
// digits (the layout comes from the labelled parts); h23 keeps midnight at "00", never "24".
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

// Without "Z" or an offset, JavaScript reads an ISO date-time in the machine's local zone.
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

interface Gmt7Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
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

// An article's time is printed on every page that lists it; bounded for long-running processes.
const MEMO_LIMIT = 20_000;
const memo = new Map<number, Gmt7Parts>();

// UTC+7 since 12 June 1975 16:00 UTC: where this runtime's zone data agrees up to 2100, the wall
// clock is plain arithmetic instead of formatToParts (shared/README.md, "GMT+7").
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
  // Labelled parts, so a locale's order (vi-VN prints "08:29 12/10/2023") cannot leak in.
  const part: Record<string, string> = {};
  for (const { type, value } of wallClock.formatToParts(date)) part[type] = value;
  const { year, month, day, hour, minute, second } = part as Omit<Gmt7Parts, 'offset'>;
  // Derived, not assumed: the South kept UTC+8 from 1960 to 1975.
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

/** `12/10/2023 | 08:29 GMT+7`. Takes a Date, epoch ms or ISO 8601 with "Z" or an offset. */
export function formatGmt7(date: Date | string | number): string {
  const { year, month, day, hour, minute, offset } = toGmt7Parts(date);
  return `${day}/${month}/${year} | ${hour}:${minute} ${formatOffset(offset, 'gmt')}`;
}

/** `2023-10-12T08:29:00+07:00`, for JSON-LD, feeds and `<time datetime>`. */
export function toIsoGmt7(date: Date | string | number): string {
  const { year, month, day, hour, minute, second, offset } = toGmt7Parts(date);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${formatOffset(offset, 'iso')}`;
}

/** Month 1–12, as a form shows it. */
export interface Gmt7WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What the admin's date-time inputs show, whatever the browser's time zone. */
export function gmt7WallClock(date: Date | string | number): Gmt7WallClock {
  const { year, month, day, hour, minute } = toGmt7Parts(date);
  return { year: +year, month: +month, day: +day, hour: +hour, minute: +minute };
}

/** The instant Vietnam's clocks read that time: what the admin stores when an editor enters it. */
export function fromGmt7WallClock({ year, month, day, hour, minute }: Gmt7WallClock): Date {
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // The offset in force then (UTC+8 before 1975 in the South), read at today's offset's instant.
  const { offset } = toGmt7Parts(wallMs - 7 * 3_600_000);
  return new Date(wallMs - offset * 60_000);
}
