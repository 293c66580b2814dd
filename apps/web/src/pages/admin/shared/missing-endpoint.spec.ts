import { ApiError } from '../../../api/errors';
import { isMissingEndpoint } from './missing-endpoint';

describe('isMissingEndpoint', () => {
  it("recognises the framework's 404 for a route it does not have", () => {
    expect(isMissingEndpoint(new ApiError(404, 'Cannot GET /api/users'))).toBe(true);
    expect(isMissingEndpoint(new ApiError(404, 'Cannot POST /api/auth/password'))).toBe(true);
  });

  it('tells a missing record apart, unless any 404 counts', () => {
    const missingUser = new ApiError(404, '用户不存在：x');
    expect(isMissingEndpoint(missingUser)).toBe(false);
    expect(isMissingEndpoint(missingUser, true)).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isMissingEndpoint(new ApiError(403, 'Cannot GET /api/users'))).toBe(false);
    expect(isMissingEndpoint(new Error('Cannot GET /x'))).toBe(false);
  });
});
