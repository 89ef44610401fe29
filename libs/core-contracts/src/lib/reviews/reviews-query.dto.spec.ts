import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProductIdParamsDto } from '../catalog/product-params.dto';
import { ReviewsQueryDto } from './reviews-query.dto';

const errorsFor = <T extends object>(cls: new () => T, input: object) =>
  validateSync(plainToInstance(cls, input), { whitelist: true, forbidNonWhitelisted: true }).map(
    (e) => e.property,
  );

describe("core-api's review queries", () => {
  it('take a product id only as a plain positive decimal', () => {
    expect(errorsFor(ProductIdParamsDto, { id: '42' })).toEqual([]);
    expect(errorsFor(ProductIdParamsDto, { id: '0x10' })).toEqual(['id']);
  });

  it('bound the page size and reject unknown parameters', () => {
    expect(errorsFor(ReviewsQueryDto, { limit: '50' })).toEqual([]);
    expect(errorsFor(ReviewsQueryDto, { limit: '51' })).toEqual(['limit']);
    expect(errorsFor(ReviewsQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(errorsFor(ReviewsQueryDto, { sort: 'rating' })).toEqual(['sort']);
    expect(errorsFor(ReviewsQueryDto, { cursor: 'not a cursor!' })).toEqual(['cursor']);
  });
});
