import { SmsSendQueue } from './sms-send-queue';

describe('SmsSendQueue', () => {
  it('sends a few at a time, each id once while queued, and tells when idle', async () => {
    let running = 0;
    let most = 0;
    const sent: string[] = [];
    const queue = new SmsSendQueue(
      async (id) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        sent.push(id);
        running -= 1;
      },
      2,
      () => undefined,
    );
    for (const id of ['a', 'b', 'c', 'd', 'd', 'e']) queue.add(id);
    await queue.idle();
    expect(sent.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(most).toBe(2);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('reports a failed send and goes on', async () => {
    const errors: string[] = [];
    const queue = new SmsSendQueue(
      async (id) => {
        if (id === 'bad') throw new Error('boom');
      },
      1,
      (id) => errors.push(id),
    );
    queue.add('bad');
    queue.add('good');
    await queue.idle();
    expect(errors).toEqual(['bad']);
  });
});
