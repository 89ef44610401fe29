import { IsInt, IsString, getMetadataStorage, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata';

class Named {
  @IsString()
  name!: string;
}

class Counted extends Named {
  @IsInt()
  count!: number;
}

const errorsOf = async (value: object) =>
  (await validate(value, { whitelist: true, forbidNonWhitelisted: true })).map(
    (e) => `${e.property}: ${Object.keys(e.constraints ?? {}).join(',')}`,
  );

const bad = () => Object.assign(new Counted(), { name: 1, count: 'x', extra: true });

describe('cacheValidationMetadata', () => {
  it('answers what class-validator answers, inherited metadata included, once per class', async () => {
    const storage = getMetadataStorage();
    const before = storage.getTargetValidationMetadatas(Counted, '', false, false);
    const errorsBefore = await errorsOf(bad());
    expect(errorsBefore).toEqual(['extra: whitelistValidation', 'count: isInt', 'name: isString']);

    cacheValidationMetadata(storage);
    cacheValidationMetadata(storage); // installed once
    const first = storage.getTargetValidationMetadatas(Counted, '', false, false);
    expect(first).toEqual(before);
    expect(storage.getTargetValidationMetadatas(Counted, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Counted, '', false, false, ['admin'])).not.toBe(
      first,
    );
    expect(await errorsOf(bad())).toEqual(errorsBefore);
  });

  it('forgets what it remembered when metadata is added at run time', async () => {
    cacheValidationMetadata();
    expect(await errorsOf(Object.assign(new Counted(), { name: 'a', count: 1 }))).toEqual([]);
    IsString()(Counted.prototype, 'label'); // a decorator applied after validations ran
    expect(await errorsOf(Object.assign(new Counted(), { name: 'a', count: 1, label: 2 }))).toEqual(
      ['label: isString'],
    );
  });
});
