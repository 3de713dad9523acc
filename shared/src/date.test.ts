import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatGmt7, fromGmt7WallClock, gmt7WallClock, toIsoGmt7 } from './date';

describe('formatGmt7', () => {
  it("prints the paper's timestamp in Vietnam's time", () => {
    expect(formatGmt7('2023-10-12T01:29:00Z')).toBe('12/10/2023 | 08:29 GMT+7');
    expect(formatGmt7('2023-10-12T01:29:00.000Z')).toBe('12/10/2023 | 08:29 GMT+7');
    expect(formatGmt7('2023-10-12T08:29:00+07:00')).toBe('12/10/2023 | 08:29 GMT+7');
    expect(formatGmt7('2023-10-11T21:29:00-04:00')).toBe('12/10/2023 | 08:29 GMT+7');
    expect(formatGmt7(new Date('2023-10-12T01:29:00Z'))).toBe('12/10/2023 | 08:29 GMT+7');
    expect(formatGmt7(Date.UTC(2023, 9, 12, 1, 29))).toBe('12/10/2023 | 08:29 GMT+7');
  });

  it('rolls over the day, month and year at midnight in Vietnam', () => {
    expect(formatGmt7('2023-12-31T16:59:00Z')).toBe('31/12/2023 | 23:59 GMT+7');
    expect(formatGmt7('2023-12-31T17:00:00Z')).toBe('01/01/2024 | 00:00 GMT+7');
    expect(formatGmt7('2024-02-29T03:05:00Z')).toBe('29/02/2024 | 10:05 GMT+7');
  });

  it("prints the zone's true offset before 1975", () => {
    expect(formatGmt7('1970-01-01T00:00:00Z')).toBe('01/01/1970 | 08:00 GMT+8');
    expect(formatGmt7('1975-06-12T15:59:59Z')).toBe('12/06/1975 | 23:59 GMT+8');
    expect(formatGmt7('1975-06-12T16:00:00Z')).toBe('12/06/1975 | 23:00 GMT+7');
  });

  it('reads what the zone data reads, at any instant from 1975 to 2100', () => {
    const zone = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hourCycle: 'h23',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const from = Date.UTC(1975, 5, 12, 16);
    const span = Date.UTC(2100, 0, 1) - from;
    for (let i = 0; i < 5_000; i++) {
      const time = from + Math.floor(Math.random() * span);
      // en-GB short date and medium time: "12/10/2023, 08:29:05".
      const [date, clock] = zone.format(time).split(', ');
      const [day, month, year] = date!.split('/');
      expect(toIsoGmt7(time)).toBe(`${year}-${month}-${day}T${clock}+07:00`);
    }
  });

  it('throws a RangeError on an invalid date', () => {
    expect(() => formatGmt7('hôm qua')).toThrow(RangeError);
    expect(() => formatGmt7('')).toThrow(/Invalid date ""/);
    expect(() => formatGmt7(new Date('nope'))).toThrow(/Invalid date Invalid Date/);
    expect(() => formatGmt7(Number.NaN)).toThrow(RangeError);
    expect(() => formatGmt7(null as unknown as string)).toThrow(/Invalid date null/);
  });

  it('refuses a date-time without a zone, which JavaScript would read as local time', () => {
    expect(() => formatGmt7('2023-10-12T08:29:00')).toThrow(/"Z" or an offset/);
    expect(() => formatGmt7('2023-10-12 08:29')).toThrow(RangeError);
  });
});

describe('toIsoGmt7', () => {
  it('prints ISO 8601 in Vietnam time with its offset', () => {
    expect(toIsoGmt7('2023-10-12T01:29:00Z')).toBe('2023-10-12T08:29:00+07:00');
    expect(toIsoGmt7('2023-12-31T17:00:05.999Z')).toBe('2024-01-01T00:00:05+07:00');
    expect(toIsoGmt7(new Date('1970-01-01T00:00:00Z'))).toBe('1970-01-01T08:00:00+08:00');
  });

  it('names the same instant it was given', () => {
    const iso = toIsoGmt7('2023-10-12T01:29:00Z');
    expect(new Date(iso).toISOString()).toBe('2023-10-12T01:29:00.000Z');
  });

  it('throws a RangeError on an invalid date', () => {
    expect(() => toIsoGmt7('32/13/2023')).toThrow(RangeError);
  });
});

describe('gmt7WallClock and fromGmt7WallClock', () => {
  it("read and set a time on Vietnam's clocks", () => {
    expect(gmt7WallClock('2026-11-27T01:30:00Z')).toEqual({
      year: 2026,
      month: 11,
      day: 27,
      hour: 8,
      minute: 30,
    });
    expect(gmt7WallClock('2023-12-31T17:00:00Z')).toEqual({
      year: 2024,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
    });
    expect(
      fromGmt7WallClock({ year: 2026, month: 11, day: 27, hour: 8, minute: 30 }).toISOString(),
    ).toBe('2026-11-27T01:30:00.000Z');
    expect(
      fromGmt7WallClock({ year: 2024, month: 1, day: 1, hour: 0, minute: 0 }).toISOString(),
    ).toBe('2023-12-31T17:00:00.000Z');
  });

  it("uses the zone's offset of the time entered, also before 1975", () => {
    expect(
      fromGmt7WallClock({ year: 1970, month: 1, day: 1, hour: 8, minute: 0 }).toISOString(),
    ).toBe('1970-01-01T00:00:00.000Z');
  });
});

// The process TZ is read when Node starts, so each zone gets its own child process: setting
// process.env.TZ inside this worker would prove nothing about a build machine's real setting.
describe('under the machine time zones UTC, New York and Ho Chi Minh City', () => {
  const dateModule = fileURLToPath(new URL('./date.ts', import.meta.url));
  const script = `
    const { formatGmt7, toIsoGmt7, gmt7WallClock, fromGmt7WallClock } = await import(${JSON.stringify(dateModule)});
    const inputs = ['2023-10-12T01:29:00Z', '2023-12-31T17:00:00Z', '2024-03-10T07:30:00Z'];
    console.log(JSON.stringify({
      localHour: new Date(inputs[0]).getHours(),
      formatted: inputs.map(formatGmt7),
      iso: inputs.map(toIsoGmt7),
      roundTrip: inputs.map((input) => fromGmt7WallClock(gmt7WallClock(input)).toISOString()),
    }));`;

  async function runUnder(tz: string) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { env: { ...process.env, TZ: tz }, cwd: fileURLToPath(new URL('.', import.meta.url)) },
    );
    return JSON.parse(stdout) as {
      localHour: number;
      formatted: string[];
      iso: string[];
      roundTrip: string[];
    };
  }

  it('formats identically', async () => {
    const [utc, newYork, hcm] = await Promise.all(
      ['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh'].map(runUnder),
    );
    // The zone really reached each child: local-time code would print three different hours.
    expect([utc!.localHour, newYork!.localHour, hcm!.localHour]).toEqual([1, 21, 8]);
    for (const run of [utc, newYork, hcm]) {
      expect(run!.formatted).toEqual([
        '12/10/2023 | 08:29 GMT+7',
        '01/01/2024 | 00:00 GMT+7',
        '10/03/2024 | 14:30 GMT+7',
      ]);
      expect(run!.iso).toEqual([
        '2023-10-12T08:29:00+07:00',
        '2024-01-01T00:00:00+07:00',
        '2024-03-10T14:30:00+07:00',
      ]);
      expect(run!.roundTrip).toEqual([
        '2023-10-12T01:29:00.000Z',
        '2023-12-31T17:00:00.000Z',
        '2024-03-10T07:30:00.000Z',
      ]);
    }
  }, 30_000);
});
