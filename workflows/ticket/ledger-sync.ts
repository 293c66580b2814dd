import { condition } from '@temporalio/workflow';
import { ledgerFields } from './ledger-fields';
import { ledgerActivities } from './ticket-activities';
import type { TicketState } from './ticket-state';

/**
 * The ticket's one ledger writer: every change bumps a version, one loop writes them in order
 * (the document whole, the new timeline events keyed `<ticket>#<seq>`, so a retried write
 * changes nothing), and an update answers once its change is written.
 */
export class LedgerSync {
  private changes = 0;
  private written = 0;

  /**
   * `beforeWrite` runs before each write (the search attributes follow the same changes);
   * `eventsWritten`: timeline events a previous run of the ticket already wrote.
   */
  constructor(
    private readonly state: TicketState,
    private readonly beforeWrite: () => void,
    private eventsWritten = 0,
  ) {}

  /** Timeline events in the ledger so far (the next one is keyed `<ticket>#<this + 1>`). */
  get timelineWritten(): number {
    return this.eventsWritten;
  }

  /** Marks the state changed: the loop writes it. */
  changed(): void {
    this.changes += 1;
  }

  /** Resolves once every change made so far is in the ledger. */
  untilWritten(): Promise<void> {
    const version = this.changes;
    return condition(() => this.written >= version);
  }

  /** Nothing left to write. */
  get settled(): boolean {
    return this.written >= this.changes;
  }

  async run(): Promise<never> {
    const { state } = this;
    for (;;) {
      await condition(() => this.changes > this.written);
      const version = this.changes;
      this.beforeWrite();
      const events = state.timeline
        .slice(this.eventsWritten)
        .map((e, i) => ({ ...e, seq: this.eventsWritten + i + 1 }));
      const last = events[events.length - 1];
      await ledgerActivities(`写入台账：${last ? last.kind : state.status}`).syncTicketLedger({
        ticketId: state.input.ticketId,
        fields: ledgerFields(state),
        events,
      });
      this.eventsWritten += events.length;
      this.written = version;
    }
  }
}
