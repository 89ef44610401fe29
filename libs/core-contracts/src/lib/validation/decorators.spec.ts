import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProductIdParamsDto } from '../catalog/product-params.dto';
import { ReviewsQueryDto } from '../reviews/reviews-query.dto';

const errorsFor = <T extends object>(cls: new () => T, input: object) =>
  validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('id and query-integer validation', () => {
  it.each(['1', '42', '2147483647'])('accepts the id %s', (id) => {
    expect(errorsFor(ProductIdParamsDto, { id })).toEqual([]);
  });

  it.each(['0', '-1', 'abc', '1.5', '0x10', '1e2', ' 1', '2147483648', '99999999999', ''])('rejects the id %j', (id) => {
    expect(errorsFor(ProductIdParamsDto, { id })).toEqual(['id']);
  });

  it('converts a plain decimal to a number', () => {
    expect(plainToInstance(ProductIdParamsDto, { id: '17' }).id).toBe(17);
  });

  it('bounds the page size and rejects unknown parameters', () => {
    expect(errorsFor(ReviewsQueryDto, { limit: '50' })).toEqual([]);
    expect(errorsFor(ReviewsQueryDto, { limit: '51' })).toEqual(['limit']);
    expect(errorsFor(ReviewsQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(errorsFor(ReviewsQueryDto, { sort: 'rating' })).toEqual(['sort']);
    expect(errorsFor(ReviewsQueryDto, { cursor: 'not a cursor!' })).toEqual(['cursor']);
  });
});
