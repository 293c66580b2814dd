import { voicemailWorkflowId, voicemailWorkflowOptions } from './contract';

describe('voicemail contract', () => {
  it('starts `voicemail-<id>` on the tickets queue unless told otherwise', () => {
    const input = { voicemailId: 'V1', receivedAt: '2026-11-28T01:00:00.000Z' };
    expect(voicemailWorkflowId('V1')).toBe('voicemail-V1');
    expect(voicemailWorkflowOptions(input)).toMatchObject({
      workflowId: 'voicemail-V1',
      taskQueue: 'tickets',
      args: [input],
    });
    expect(voicemailWorkflowOptions(input, 'other').taskQueue).toBe('other');
  });
});
