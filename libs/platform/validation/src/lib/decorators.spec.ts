import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createValidationPipe } from '@bff/platform-problem';
import { CursorQuery, IsId, QueryInt } from './decorators';
import { EmptyQueryDto } from './empty-query.dto';
import { IdList } from './id-list';

class IdParams {
  @IsId()
  id!: number;
}

class PageQuery {
  @QueryInt({ min: 1, max: 50, default: 20, description: 'Page size.' })
  limit?: number;

  @CursorQuery()
  cursor?: string;
}

class BatchQuery {
  @IdList({ max: 3, description: 'Products.', required: true })
  ids!: number[];
}

const errorsFor = <T extends object>(cls: new () => T, input: object) =>
  validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true }).map(
    (e) => e.property,
  );

describe('id and query-integer validation', () => {
  it.each(['1', '42', '2147483647'])('accepts the id %s', (id) => {
    expect(errorsFor(IdParams, { id })).toEqual([]);
  });

  it.each(['0', '-1', 'abc', '1.5', '0x10', '1e2', ' 1', '2147483648', '99999999999', ''])(
    'rejects the id %j',
    (id) => {
      expect(errorsFor(IdParams, { id })).toEqual(['id']);
    },
  );

  it('converts a plain decimal to a number', () => {
    expect(plainToInstance(IdParams, { id: '17' }).id).toBe(17);
  });

  it('bounds a query integer, takes a cursor only as base64url, and rejects unknown parameters', () => {
    expect(errorsFor(PageQuery, {})).toEqual([]);
    expect(errorsFor(PageQuery, { limit: '50', cursor: 'eyJpZCI6MX0' })).toEqual([]);
    expect(errorsFor(PageQuery, { limit: '51' })).toEqual(['limit']);
    expect(errorsFor(PageQuery, { limit: '0' })).toEqual(['limit']);
    expect(errorsFor(PageQuery, { limit: '0x10' })).toEqual(['limit']);
    expect(errorsFor(PageQuery, { cursor: 'not a cursor!' })).toEqual(['cursor']);
    expect(errorsFor(PageQuery, { cursor: 'a'.repeat(201) })).toEqual(['cursor']);
    expect(errorsFor(PageQuery, { sort: 'rating' })).toEqual(['sort']);
  });

  it('makes the strict global pipe reject any parameter of an endpoint that takes none', async () => {
    const pipe = createValidationPipe();
    const query = { type: 'query', metatype: EmptyQueryDto } as const;
    await expect(pipe.transform({}, query)).resolves.toEqual({});
    await expect(pipe.transform({ debug: '1' }, query)).rejects.toMatchObject({ status: 400 });
  });
});

describe('IdList', () => {
  it('reads a comma-separated list of ids in order', () => {
    expect(plainToInstance(BatchQuery, { ids: '3,1,2' }).ids).toEqual([3, 1, 2]);
    expect(errorsFor(BatchQuery, { ids: '3,1,2' })).toEqual([]);
  });

  it.each(['', '1,,2', '1,1', '1,2,3,4', '0', '1,x', '1,0x10', '1, 2'])('rejects %j', (ids) => {
    expect(errorsFor(BatchQuery, { ids })).toEqual(['ids']);
  });

  it('is required when declared so', () => {
    expect(errorsFor(BatchQuery, {})).toEqual(['ids']);
  });
});
