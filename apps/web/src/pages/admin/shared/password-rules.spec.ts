import { passwordProblem } from './password-rules';

describe('passwordProblem', () => {
  it('wants ten characters', () => {
    expect(passwordProblem('short', 'judge01')).toBe('密码至少 10 个字符');
    expect(passwordProblem('a-long-secret', 'judge01')).toBeNull();
  });

  it('refuses the user id as the password', () => {
    expect(passwordProblem('supervisor01', 'supervisor01')).toBe('密码不能与用户名相同');
    expect(passwordProblem('Supervisor01', 'supervisor01')).toBe('密码不能与用户名相同');
  });
});
