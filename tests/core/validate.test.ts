import { expect } from '@open-wc/testing';
import { JSON_FEED_SCHEMA } from '../../src/core/feed/parse.js';
import { validate } from '../../src/core/validate.js';

const item = JSON_FEED_SCHEMA.$defs!.item!;
const check = (value: unknown) => validate(value, item, '', JSON_FEED_SCHEMA).map((p) => `${p.path} ${p.message}`);

describe('validate (JSON Schema subset)', () => {
  it('accepts a complete JSON Feed item', () => {
    expect(check({
      id: 'a', url: '/relative/ok', title: 'T', content_html: '<p>x</p>', date_published: '2026-11-24T18:00:00+01:00',
      tags: ['x'], authors: [{ name: 'KPR', url: 'https://www.bannewitz.de/' }], _kpr: {},
    })).to.deep.equal([]);
  });

  it('names each wrong field with what was expected', () => {
    expect(check({ id: '', content_text: 'x', date_published: '24.11.2026', tags: 'Jugend', authors: [{ name: 3 }] })).to.deep.equal([
      'id must not be empty',
      'date_published must be an RFC 3339 date-time such as "2026-11-24T18:00:00+01:00", not "24.11.2026"',
      'authors[0].name must be a string, not an integer',
      'tags must be an array, not a string',
    ]);
  });

  it('requires an id and one of the two contents, as JSON Feed does', () => {
    expect(check({ title: 'x' })).to.deep.equal(['id is required', ' needs "content_text" or "content_html"']);
  });

  it('rejects dates without seconds or offset, which Date.parse would guess at', () => {
    expect(check({ id: 'a', content_text: '', date_published: '2026-11-24 18:00' })).to.have.length(1);
    expect(check({ id: 'a', content_text: '', date_published: '2026-11-24T18:00:00' })).to.have.length(1);
    expect(check({ id: 'a', content_text: '', date_published: '2026-11-24T17:00:00.5Z' })).to.have.length(0);
    // Days that do not exist, which V8 would move into the next month.
    for (const day of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) {
      expect(check({ id: 'a', content_text: '', date_published: `${day}T10:00:00+01:00` }), day).to.have.length(1);
    }
    expect(check({ id: 'a', content_text: '', date_published: '2028-02-29T10:00:00+01:00' })).to.have.length(0);
  });

  it('checks numbers against their range, strings against their pattern and arrays against their length', () => {
    const schema = {
      type: 'object',
      properties: {
        progress: { type: 'number', minimum: 0, maximum: 100 },
        start: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        series: { type: 'array', minItems: 1 },
      },
    } as const;
    const problems = (value: unknown) => validate(value, schema as never).map((p) => `${p.path} ${p.message}`);
    expect(problems({ progress: 50, start: '2024-03', series: [1] })).to.deep.equal([]);
    expect(problems({ progress: 120, start: 'März 2024', series: [] })).to.deep.equal([
      'progress must be at most 100, not 120',
      'start must match the pattern ^\\d{4}-\\d{2}$, not "März 2024"',
      'series must have at least 1 entry',
    ]);
    expect(problems({ progress: -1 })).to.deep.equal(['progress must be at least 0, not -1']);
  });
});
