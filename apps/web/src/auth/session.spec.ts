import { homeOf, type SessionUser } from './session';

const user = (roles: SessionUser['roles'], over: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u',
  name: '某人',
  roles,
  ...over,
});

describe('each role’s home (UI.md)', () => {
  it.each([
    [['agent'], '/intake'],
    [['handler'], '/inbox'],
    [['supervisor'], '/dashboard'],
    [['leader'], '/dashboard'],
    [['admin'], '/admin/users'],
  ] as const)('%j → %s', (roles, home) => {
    expect(homeOf(user([...roles]))).toBe(home);
  });

  it('sends a person who must change the password there first', () => {
    expect(homeOf(user(['agent'], { mustChangePassword: true }))).toBe('/password');
  });
});
