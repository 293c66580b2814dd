import { temporalWorkflowUrl } from './temporal-link';

describe('temporalWorkflowUrl', () => {
  it('points at the Temporal Web UI on the page host with the embedded defaults', () => {
    expect(temporalWorkflowUrl('127.0.0.1', 'ticket-T20261128-0001')).toBe(
      'http://127.0.0.1:8233/namespaces/default/workflows/ticket-T20261128-0001',
    );
  });

  it('takes another port and namespace, and brackets an IPv6 host', () => {
    expect(temporalWorkflowUrl('::1', 'ticket-T1', { port: 9000, namespace: 'court' })).toBe(
      'http://[::1]:9000/namespaces/court/workflows/ticket-T1',
    );
  });
});
