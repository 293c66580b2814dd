import { parseCreateAdminArgs } from './create-admin';

describe('create-admin command line', () => {
  it('takes --id and --name, as two words or with =', () => {
    expect(parseCreateAdminArgs(['--id', 'root', '--name', '首位管理员'])).toEqual({
      ok: true,
      options: { id: 'root', name: '首位管理员' },
    });
    expect(parseCreateAdminArgs(['--id=root', '--name=Admin'])).toEqual({
      ok: true,
      options: { id: 'root', name: 'Admin' },
    });
  });

  it('names every problem', () => {
    const result = parseCreateAdminArgs(['--id', 'bad id', '--name', '--password', 'x']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('--id'),
        '--name needs a value',
        'unknown argument: --password',
      ]),
    );
    expect(parseCreateAdminArgs([])).toEqual({
      ok: false,
      problems: ['--id is required', '--name is required'],
    });
  });
});
