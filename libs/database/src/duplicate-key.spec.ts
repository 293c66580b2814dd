import { insertedBeforeDuplicate, isDuplicateKey } from './duplicate-key';

describe('isDuplicateKey', () => {
  it.each([
    ['a duplicate key error', { code: 11000 }, true],
    [
      'a bulk write whose every error is a duplicate',
      { code: 11000, writeErrors: [{ code: 11000 }, { code: 11000 }] },
      true,
    ],
    [
      'a bulk write with one other error',
      { code: 11000, writeErrors: [{ code: 11000 }, { code: 121 }] },
      false,
    ],
    ['another error', { code: 121 }, false],
    ['no error object', null, false],
  ])('%s', (_what, error, expected) => {
    expect(isDuplicateKey(error)).toBe(expected);
  });
});

describe('insertedBeforeDuplicate', () => {
  it('reads what an unordered insertMany inserted before its duplicate-key error', () => {
    const error = Object.assign(new Error('E11000'), { insertedDocs: [{ kind: 'created' }] });
    expect(insertedBeforeDuplicate(error)).toEqual([{ kind: 'created' }]);
    expect(insertedBeforeDuplicate(new Error('E11000'))).toEqual([]);
    expect(insertedBeforeDuplicate(null)).toEqual([]);
  });
});
