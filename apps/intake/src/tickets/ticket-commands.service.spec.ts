import type { Principal } from '@court/auth';
import type { TicketLedgerDoc } from '@court/database';
import { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DirectoryService } from '../directory/directory.service';
import type { TemporalAvailability } from '../faults/temporal-availability';
import { TicketCommands } from './ticket-commands.service';
import type { TicketLedgerReads } from './ticket-ledger-reads.service';

const ticket = {
  _id: 'T20261201-0001',
  workflowId: 'ticket-T20261201-0001',
  status: 'dispatched',
} as TicketLedgerDoc;
const user: Principal = { id: 'agent01', name: '座席员', roles: ['agent'], departmentId: null };
const attachment = { attachmentId: '3f1c6a52-2d7e-4c3b-9a41-0d5e2b7c8f90', name: '起诉状.pdf' };

/** Commands over a Temporal client whose every update answers as `executeUpdate` does. */
function commandsWith(executeUpdate: jest.Mock) {
  const getHandle = jest.fn(() => ({ executeUpdate }));
  const temporal = {
    withDeadline: <T>(_deadline: number, call: () => Promise<T>) => call(),
    workflow: { getHandle },
  } as unknown as Client;
  const commands = new TicketCommands(
    temporal,
    {} as DirectoryService,
    {} as TemporalAvailability,
    {} as TicketLedgerReads,
  );
  return { commands, getHandle };
}

describe('TicketCommands.noteAttachment', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('sends the timeline entry to the ticket workflow', async () => {
    const executeUpdate = jest.fn().mockResolvedValue(undefined);
    const { commands, getHandle } = commandsWith(executeUpdate);
    await commands.noteAttachment(ticket, user, attachment);
    expect(getHandle).toHaveBeenCalledWith('ticket-T20261201-0001');
    expect(executeUpdate).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'recordAttachment' }),
      {
        args: [{ actorId: 'agent01', ...attachment }],
      },
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('a refused or unreachable update still resolves: the attachment stays, a warning is logged', async () => {
    const executeUpdate = jest.fn().mockRejectedValue(new Error('14 UNAVAILABLE'));
    const { commands } = commandsWith(executeUpdate);
    await expect(commands.noteAttachment(ticket, user, attachment)).resolves.toBeUndefined();
    expect(executeUpdate).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `attachment ${attachment.attachmentId} of T20261201-0001 stored without a timeline entry`,
      ),
    );
    expect(warn.mock.calls[0]?.[0]).toContain('14 UNAVAILABLE');
  });

  it('a closed ticket gets no entry and no warning', async () => {
    const executeUpdate = jest.fn();
    const { commands, getHandle } = commandsWith(executeUpdate);
    await commands.noteAttachment({ ...ticket, status: 'closed' }, user, attachment);
    expect(getHandle).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
