import { downDependency } from './dependency-errors';

function grpc(code: number, message: string): Error {
  return Object.assign(new Error(message), { code, details: message });
}

describe('downDependency', () => {
  it.each([
    [
      'the driver found no server',
      Object.assign(new Error('x'), { name: 'MongoServerSelectionError' }),
    ],
    [
      'Mongoose gave up buffering',
      Object.assign(new Error('Operation `tickets.findOne()` buffering timed out after 1500ms'), {
        name: 'MongooseError',
      }),
    ],
    [
      'the connection was cut',
      Object.assign(new Error('connection closed'), { name: 'MongoNetworkError' }),
    ],
  ])('database: %s', (_, error) => {
    expect(downDependency(error)).toBe('database');
  });

  it.each([
    ['UNAVAILABLE', grpc(14, '14 UNAVAILABLE: No connection established')],
    ['DEADLINE_EXCEEDED', grpc(4, '4 DEADLINE_EXCEEDED: Deadline exceeded')],
    [
      'wrapped by the SDK',
      Object.assign(new Error('Failed to start'), {
        name: 'ServiceError',
        cause: grpc(14, 'unavailable'),
      }),
    ],
  ])('temporal: %s', (_, error) => {
    expect(downDependency(error)).toBe('temporal');
  });

  it.each([
    ['a bug', new TypeError('x is undefined')],
    [
      'a duplicate key',
      Object.assign(new Error('E11000'), { name: 'MongoServerError', code: 11000 }),
    ],
    ['a refused update', grpc(9, '9 FAILED_PRECONDITION')],
    ['not an error', 'oops'],
  ])('anything else is not a dependency: %s', (_, error) => {
    expect(downDependency(error)).toBeNull();
  });
});
