import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord, neutraliseFormula } from '@/lib/reports/export/encoders';
import { formatWithOffset, instantFormatter } from '@/lib/reports/export';

const TRICKY = ['', 'plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\ronly', 'crlf\r\n', '"', ',', ' lead', 'trail ', 'Zoë — “quotes”', '李', '=1+1', '\t'];

describe('CSV encoding', () => {
  it('quotes per RFC 4180 with CRLF records, and every tricky record round-trips through csv-parse', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\ronly', 42, null])).toBe(
      'plain,"a,b","say ""hi""","line\nbreak","cr\ronly",42,\r\n',
    );
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const record = Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        random() < 0.15 ? Math.floor(random() * 1000) : TRICKY[Math.floor(random() * TRICKY.length)]! + TRICKY[Math.floor(random() * TRICKY.length)]!,
      );
      const line = csvRecord(record);
      expect(line.endsWith('\r\n')).toBe(true);
      expect(parse(line, { record_delimiter: '\r\n', relax_column_count: true })).toEqual([record.map(String)]);
    }
    expect(csvRecord([null, 'x', null])).toBe(',x,\r\n');
  });

  it('neutralises every formula start, full-width forms included, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      expect(neutraliseFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    for (const safe of ['Smith', ' =x', "'=x", '1-2', '']) expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('lets a plain number pass (an E.164 caller, a negative amount) and still neutralises formulas that start like one', () => {
    for (const number of ['+15551234567', '-12.50', '-0.000001', '+1', '-.5', '-.25', '+.125', '42']) expect(neutraliseFormula(number)).toBe(number);
    for (const formula of ['+1+1', '-2+3', '+15551234567;=1', '-1 ', '+1e5', '-A1', '+ 1', '\t42', '\r42', '=42', '@42', '\uFF0B15551234567']) {
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    }
  });
});

describe('instants with offset', () => {
  it('formats in the zone, across DST and for half-hour zones', () => {
    const ny = instantFormatter('America/New_York');
    expect(ny(Date.parse('2026-03-08T06:59:59Z'))).toBe('2026-03-08T01:59:59-05:00');
    expect(ny(Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08T03:00:00-04:00');
    expect(ny(Date.parse('2026-11-01T05:30:00Z'))).toBe('2026-11-01T01:30:00-04:00');
    expect(ny(Date.parse('2026-11-01T06:30:00Z'))).toBe('2026-11-01T01:30:00-05:00');
    expect(instantFormatter('Asia/Kolkata')(Date.parse('2026-03-31T18:29:59.250Z'))).toBe('2026-03-31T23:59:59.250+05:30');
    expect(instantFormatter('Asia/Kathmandu')(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T05:45:00+05:45');
    expect(instantFormatter('UTC')(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00+00:00');
    expect(formatWithOffset(0, -150)).toBe('1969-12-31T21:30:00-02:30');
  });

  it('agrees with an uncached formatter at every quarter hour around transitions', () => {
    const zone = 'America/New_York';
    const cached = instantFormatter(zone);
    for (let ms = Date.parse('2026-03-07T00:00:00Z'); ms < Date.parse('2026-03-09T00:00:00Z'); ms += 7 * 60_000 + 13_000) {
      const offset = -new Date(new Date(ms).toLocaleString('en-US', { timeZone: 'UTC' })).getTime() + new Date(new Date(ms).toLocaleString('en-US', { timeZone: zone })).getTime();
      expect(cached(ms)).toBe(formatWithOffset(ms, Math.round(offset / 60_000)));
    }
  });
});
