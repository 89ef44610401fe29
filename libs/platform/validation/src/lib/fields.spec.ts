import Ajv from 'ajv';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BoundedInt, BoundedText, CategorySlug, SLUG_PATTERN } from './fields';
import { IdList } from './id-list';

class Fields {
  @CategorySlug({ optional: true }) category?: string;
  @BoundedText({ min: 1, max: 8, example: 'Fjord' }) brand?: string;
  @IdList({ max: 3, description: 'Ids.' }) ids?: number[];
}

class Body {
  @BoundedInt({ min: 1, max: 99, example: 2 }) quantity!: number;
}

/** Where @nestjs/swagger keeps `@ApiProperty` options (its DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** The JSON Schema the decorator writes into the OpenAPI document for `property`. */
function documented(target: object, property: string): Record<string, unknown> {
  const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, target, property) as Record<
    string,
    unknown
  >;
  const { type, format, minimum, maximum, minLength, maxLength, pattern } = meta;
  const schema = { type, format, minimum, maximum, minLength, maxLength, pattern };
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

const ajv = new Ajv({ strict: false, validateFormats: false });
const serverAccepts = <T extends object>(cls: new () => T, input: object) =>
  validateSync(plainToInstance(cls, input)).length === 0;

/**
 * The document must be exactly as strict as the server: for each value, the schema a decorator
 * documents and the rule it enforces give the same verdict.
 */
describe('request fields: one rule for the server and the document', () => {
  const cases: [keyof Fields, string[]][] = [
    ['category', ['kitchen', 'a-1', 'k'.repeat(64), '', 'Kitchen', 'k'.repeat(65), 'a b', 'café']],
    ['brand', ['F', 'Fjord', 'x'.repeat(8), '', 'x'.repeat(9)]],
  ];

  it.each(cases)('%s: the document accepts exactly what the server accepts', (field, values) => {
    const schema = ajv.compile(documented(Fields.prototype, field));
    const verdicts = values.map((value) => [
      value,
      schema(value),
      serverAccepts(Fields, { [field]: value }),
    ]);
    expect(verdicts.filter(([, doc, server]) => doc !== server)).toEqual([]);
    // Both sides refuse something, or the comparison proves nothing.
    expect(verdicts.some(([, , server]) => server === false)).toBe(true);
  });

  it('ids: the document takes every list the server takes, and none longer than the longest', () => {
    const doc = documented(Fields.prototype, 'ids');
    const schema = ajv.compile(doc);
    const longest = '2147483647,2147483646,2147483645';
    for (const value of ['1', '1,2,3', longest]) {
      expect(serverAccepts(Fields, { ids: value })).toBe(true);
      expect(schema(value)).toBe(true);
    }
    expect(doc['maxLength']).toBe(longest.length);
    // A string cannot say "no repeats" or "at most 2147483647": those stay the server's alone.
    expect(serverAccepts(Fields, { ids: '1,1' })).toBe(false);
  });

  it('quantity: an integer in range, as a JSON number', () => {
    const schema = ajv.compile(documented(Body.prototype, 'quantity'));
    for (const value of [1, 99, 0, 100, 1.5, '2'])
      expect([value, schema(value)]).toEqual([value, serverAccepts(Body, { quantity: value })]);
    expect(documented(Body.prototype, 'quantity')).toMatchObject({ format: 'int32' });
  });

  it('would notice a document looser than the server', () => {
    const loose = ajv.compile({ type: 'string', pattern: '^[a-z0-9-]+$' });
    expect(loose('k'.repeat(65))).toBe(true);
    expect(SLUG_PATTERN.test('k'.repeat(65))).toBe(false);
  });
});
