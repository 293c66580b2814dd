import { BULLETIN_WORKFLOW_PREFIX, manualBulletinWorkflowId } from './contract';

describe('bulletin contract', () => {
  it('names a bulletin asked for by a person `bulletin-manual-<nonce>`', () => {
    expect(manualBulletinWorkflowId('n1')).toBe('bulletin-manual-n1');
    expect(manualBulletinWorkflowId('n1').startsWith(BULLETIN_WORKFLOW_PREFIX)).toBe(true);
  });
});
