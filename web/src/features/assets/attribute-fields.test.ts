import { describe, expect, it } from 'vitest';
import type { AttributeSchema } from '../../../../common/domain/assets.ts';
import {
  emptyRow,
  moveRow,
  problemInput,
  problemProperty,
  rowProblems,
  rowsToSchema,
  schemaToRows,
  type FieldRow,
} from './attribute-fields.ts';

/** Every kind of the subset with every setting its kind takes (docs/assets.md, "Attribute schema"). */
const FULL: AttributeSchema = {
  type: 'object',
  properties: {
    capacityTpd: {
      type: 'number',
      title: '设计规模',
      titleEn: 'Design capacity',
      minimum: 0,
      maximum: 500,
      unit: 't/d',
    },
    level: { type: 'string', title: '风险等级', enum: ['一般', '较重', '严重'], figure: true },
    pumps: { type: 'integer', title: '水泵台数', minimum: 1 },
    sensor: { type: 'boolean', title: '已装水位计', titleEn: 'Level sensor' },
    note: { type: 'string', title: '备注', maxLength: 200 },
    diameter: { type: 'string', title: '管径', enum: ['300', '600'], unit: 'mm' },
    builtOn: { type: 'string', title: '建成日期', titleEn: 'Built on', format: 'date' },
  },
  required: ['capacityTpd', 'level'],
};

const rowsOf = (value: unknown): FieldRow[] => {
  const r = schemaToRows(value);
  if (!('rows' in r)) throw new Error(`unsupported: ${r.unsupported.reason} ${r.unsupported.at}`);
  return r.rows;
};

describe('schema ↔ field list', () => {
  it('reads every kind of the subset into rows and writes the same schema back, in the same order', () => {
    const rows = rowsOf(FULL);
    expect(rows.map((r) => [r.key, r.kind, r.required])).toEqual([
      ['capacityTpd', 'number', true],
      ['level', 'choice', true],
      ['pumps', 'integer', false],
      ['sensor', 'boolean', false],
      ['note', 'text', false],
      ['diameter', 'choice', false],
      ['builtOn', 'date', false],
    ]);
    expect(rows[0]).toMatchObject({
      title: '设计规模',
      titleEn: 'Design capacity',
      unit: 't/d',
      minimum: 0,
      maximum: 500,
    });
    expect(rows[1]).toMatchObject({ options: ['一般', '较重', '严重'], figure: true });
    const back = rowsToSchema(rows);
    expect(back).toEqual(FULL);
    expect(Object.keys(back.properties)).toEqual(Object.keys(FULL.properties));
    expect(JSON.stringify(rowsToSchema(rowsOf(back)))).toBe(JSON.stringify(back));
  });

  it('writes required in row order, and no required at all when nothing is', () => {
    const rows = rowsOf({ ...FULL, required: ['level', 'capacityTpd'] });
    expect(rowsToSchema(rows).required).toEqual(['capacityTpd', 'level']);
    expect(rowsToSchema(rows.map((r) => ({ ...r, required: false })))).not.toHaveProperty('required');
    expect(rowsToSchema(rowsOf({ type: 'object', properties: {}, required: [] }))).toEqual({
      type: 'object',
      properties: {},
    });
  });

  it('writes only the settings of the row’s kind, keeping the others for a change of mind', () => {
    const [capacity] = rowsOf(FULL);
    const asText = { ...(capacity as FieldRow), kind: 'text' as const };
    expect(rowsToSchema([asText]).properties.capacityTpd).toEqual({
      type: 'string',
      title: '设计规模',
      titleEn: 'Design capacity',
      unit: 't/d',
    });
    const yesNo = { ...(capacity as FieldRow), kind: 'boolean' as const };
    expect(rowsToSchema([yesNo]).properties.capacityTpd).toEqual({
      type: 'boolean',
      title: '设计规模',
      titleEn: 'Design capacity',
    });
    expect(rowsToSchema([{ ...asText, kind: 'number' }]).properties.capacityTpd).toEqual(FULL.properties.capacityTpd);
    // a date is a string with the date format and nothing else; back to text, the format goes
    const asDate = { ...(capacity as FieldRow), kind: 'date' as const };
    expect(rowsToSchema([asDate]).properties.capacityTpd).toEqual({
      type: 'string',
      title: '设计规模',
      titleEn: 'Design capacity',
      format: 'date',
    });
    expect(rowsToSchema([{ ...asDate, kind: 'text' }]).properties.capacityTpd).not.toHaveProperty('format');
  });

  it('trims labels, units and options and leaves out an empty English label', () => {
    const row: FieldRow = { ...emptyRow(), key: 'material', title: ' 材质 ', titleEn: '  ', kind: 'choice' };
    row.options = [' 砼', 'PE '];
    row.unit = ' ';
    expect(rowsToSchema([row]).properties.material).toEqual({ type: 'string', title: '材质', enum: ['砼', 'PE'] });
  });

  it('keeps the ids of rows whose name is unchanged when the JSON is read again', () => {
    const first = rowsOf(FULL);
    const again = schemaToRows(
      { ...FULL, properties: { ...FULL.properties, extra: { type: 'boolean', title: 'x' } } },
      first,
    );
    if (!('rows' in again)) throw new Error('unsupported');
    expect(again.rows.slice(0, 7).map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(first.map((r) => r.id)).not.toContain(again.rows[7]?.id);
  });

  it('says why a schema cannot be rows: anything outside the subset, or parts it cannot place', () => {
    const reason = (v: unknown) => {
      const r = schemaToRows(v);
      return 'unsupported' in r ? [r.unsupported.reason, r.unsupported.at] : null;
    };
    expect(reason([1, 2])).toEqual(['shape', '']);
    expect(reason({ type: 'object' })).toEqual(['shape', '']);
    expect(reason({ ...FULL, additionalProperties: false })).toEqual(['keyword', 'additionalProperties']);
    expect(reason({ type: 'object', properties: { d: { type: 'string', title: 'd', format: 'email' } } })).toEqual([
      'keyword',
      'd.format',
    ]);
    // a date takes no settings: a maximum length or a list of values on it stays in the JSON
    expect(
      reason({ type: 'object', properties: { d: { type: 'string', title: 'd', format: 'date', maxLength: 10 } } }),
    ).toEqual(['keyword', 'd.maxLength']);
    expect(
      reason({
        type: 'object',
        properties: { d: { type: 'string', title: 'd', format: 'date', enum: ['2024-01-01'] } },
      }),
    ).toEqual(['keyword', 'd.enum']);
    expect(reason({ type: 'object', properties: { d: { type: 'number', title: 'd', format: 'date' } } })).toEqual([
      'keyword',
      'd.format',
    ]);
    expect(reason({ type: 'object', properties: { a: { type: 'array', title: 'a' } } })).toEqual(['type', 'a']);
    expect(reason({ type: 'object', properties: { n: { type: 'number', title: 'n', enum: ['1'] } } })).toEqual([
      'enumType',
      'n.enum',
    ]);
    expect(reason({ type: 'object', properties: { s: { type: 'string', title: 's', minimum: 1 } } })).toEqual([
      'keyword',
      's.minimum',
    ]);
    expect(reason({ type: 'object', properties: { b: { type: 'boolean', title: 'b', unit: 'x' } } })).toEqual([
      'keyword',
      'b.unit',
    ]);
    expect(reason({ type: 'object', properties: {}, required: ['ghost'] })).toEqual(['requiredUnknown', 'ghost']);
    expect(reason({ ...FULL, required: ['level', 'level'] })).toEqual(['requiredTwice', 'required']);
    expect(reason({ type: 'object', properties: { t: { type: 'string', title: 3 } } })).toEqual(['shape', 't']);
  });
});

describe('adding, removing and moving rows', () => {
  it('moves a row up or down and refuses to move past either end', () => {
    const rows = rowsOf(FULL).map((r) => r.key);
    expect(moveRow(rows, 1, -1).slice(0, 3)).toEqual(['level', 'capacityTpd', 'pumps']);
    expect(moveRow(rows, 1, 1).slice(0, 3)).toEqual(['capacityTpd', 'pumps', 'level']);
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, rows.length - 1, 1)).toEqual(rows);
  });

  it('writes a moved, added or removed row into the schema in the list’s order', () => {
    const rows = rowsOf(FULL);
    const added: FieldRow = { ...emptyRow(), key: 'installed', title: '安装年份', kind: 'integer', minimum: 1950 };
    const next = moveRow([...rows.filter((r) => r.key !== 'note'), added], 7 - 1, -1);
    const schema = rowsToSchema(next);
    expect(Object.keys(schema.properties)).toEqual([
      'capacityTpd',
      'level',
      'pumps',
      'sensor',
      'diameter',
      'installed',
      'builtOn',
    ]);
    expect(schema.properties.installed).toEqual({ type: 'integer', title: '安装年份', minimum: 1950 });
  });
});

describe('problems found before sending', () => {
  const problems = (rows: FieldRow[]) =>
    rowProblems(rows).map((p) => [rows.findIndex((r) => r.id === p.rowId), p.field, p.key, p.params]);

  it('finds nothing in a schema the server accepts', () => {
    expect(rowProblems(rowsOf(FULL))).toEqual([]);
  });

  it('names each bad input with the server’s rules', () => {
    const base = emptyRow();
    const rows: FieldRow[] = [
      { ...base, id: 'a' },
      { ...base, id: 'b', key: '1st', title: 'x' },
      {
        ...base,
        id: 'c',
        key: 'depth',
        title: '深度',
        kind: 'number',
        minimum: 5,
        maximum: 1,
        unit: '很长很长很长很长很长的单位',
      },
      { ...base, id: 'd', key: 'depth', title: '埋深', kind: 'text', maxLength: 0 },
      { ...base, id: 'e', key: 'grade', title: '等级', kind: 'choice', options: [] },
      { ...base, id: 'f', key: 'kind2', title: '类', kind: 'choice', options: ['甲', '乙', '甲'] },
      { ...base, id: 'g', key: 'big', title: '大', kind: 'integer', maximum: 1e13, titleEn: 'x'.repeat(61) },
    ];
    expect(problems(rows)).toEqual([
      [0, 'key', 'keyRequired', undefined],
      [0, 'title', 'titleRequired', undefined],
      [1, 'key', 'keyPattern', undefined],
      [2, 'unit', 'tooLong', { max: 10 }],
      [2, 'maximum', 'range', undefined],
      [3, 'key', 'keyTwice', { row: 3 }],
      [3, 'maxLength', 'maxLength', { max: 500 }],
      [4, 'options', 'optionsRequired', undefined],
      [5, 'options', 'optionTwice', { value: '甲' }],
      [6, 'titleEn', 'tooLong', { max: 60 }],
      [6, 'maximum', 'bound', undefined],
    ]);
  });

  it('checks only the settings the row’s kind writes', () => {
    const row: FieldRow = {
      ...emptyRow(),
      key: 'ok',
      title: '好',
      kind: 'boolean',
      minimum: 9,
      maximum: 1,
      options: [],
    };
    expect(rowProblems([row])).toEqual([]);
  });
});

describe("the server's problems placed on rows", () => {
  it('finds the property a problem names, also through a required index', () => {
    expect(problemProperty('body.attributeSchema.properties.capacityTpd.maximum', FULL)).toBe('capacityTpd');
    expect(problemProperty('body.attributeSchema.properties.level', FULL)).toBe('level');
    expect(problemProperty('body.attributeSchema.required.1', FULL)).toBe('level');
    expect(problemProperty('/body/attributeSchema/properties/pumps/minimum', FULL)).toBe('pumps');
    expect(problemProperty('body.attributeSchema', FULL)).toBeNull();
    expect(problemProperty('body.nameZh', FULL)).toBeNull();
  });

  it('puts it on the input it names', () => {
    expect(problemInput('body.attributeSchema.properties.x.maximum')).toBe('maximum');
    expect(problemInput('body.attributeSchema.properties.x.enum')).toBe('options');
    expect(problemInput('body.attributeSchema.properties.x.enum.0')).toBe('options');
    expect(problemInput('body.attributeSchema.properties.x.title')).toBe('title');
    expect(problemInput('body.attributeSchema.properties.x')).toBe('key');
    expect(problemInput('body.attributeSchema.required.0')).toBe('key');
  });
});
