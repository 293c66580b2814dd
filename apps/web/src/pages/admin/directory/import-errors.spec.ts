import { rowOf } from './import-errors';

describe('rowOf', () => {
  it('reads the row and column of an import error, or names the file or header', () => {
    expect(rowOf('rows[3].案号')).toEqual({ row: 3, column: '案号' });
    expect(rowOf('header')).toEqual({ row: null, column: '表头' });
    expect(rowOf('file')).toEqual({ row: null, column: '文件' });
    expect(rowOf('kind')).toEqual({ row: null, column: 'kind' });
  });
});
